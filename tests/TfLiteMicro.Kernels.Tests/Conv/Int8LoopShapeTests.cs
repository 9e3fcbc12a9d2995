using System;
using TfLiteMicro.Kernels;
using TfLiteMicro.Kernels.Reference;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.Conv;

/// <summary>
/// The int8 CONV_2D, DEPTHWISE_CONV_2D and FULLY_CONNECTED loops are shaped for ilc's ARM32 code generator (pointers,
/// four-element unrolling, two output channels per pass, four depthwise channels per block, windows clipped once
/// per pixel). Each is compared byte for byte with TFLM's reference loop nest written out literally here
/// (reference/integer_ops/conv.h, depthwise_conv.h, fully_connected.h: a bounds test per filter tap, a division for
/// the group, gemmlowp's requantization), over random geometries that reach every tail: odd channel counts, depth 1,
/// groups, depth multipliers, strides, dilations, paddings that clip the window on every side, batches.
/// </summary>
public class Int8LoopShapeTests
{
    private static int LiteralRequantize(int acc, int multiplier, int shift)
    {
        int leftShift = shift > 0 ? shift : 0;
        int rightShift = shift > 0 ? 0 : -shift;
        long product = (long)unchecked(acc * (1 << leftShift)) * multiplier;
        int high = acc == int.MinValue && multiplier == int.MinValue ? int.MaxValue
            : (int)((product + (product >= 0 ? 1L << 30 : 1 - (1L << 30))) / (1L << 31));
        int mask = (int)((1L << rightShift) - 1);
        int threshold = (mask >> 1) + (high < 0 ? 1 : 0);
        return (high >> rightShift) + ((high & mask) > threshold ? 1 : 0);
    }

    private sealed class Case
    {
        public ConvolutionGeometry G;
        public sbyte[] Input = Array.Empty<sbyte>();
        public sbyte[] Filter = Array.Empty<sbyte>();
        public int[] Bias = Array.Empty<int>();
        public int[] Multipliers = Array.Empty<int>();
        public int[] Shifts = Array.Empty<int>();
        public int InputOffset;
        public int OutputOffset;
        public int ActivationMin;
        public int ActivationMax;
    }

    private static Case RandomCase(Random random, bool depthwise)
    {
        ConvolutionGeometry g = default;
        g.Batches = random.Next(1, 3);
        g.InputHeight = random.Next(1, 9);
        g.InputWidth = random.Next(1, 9);
        g.FilterHeight = random.Next(1, 5);
        g.FilterWidth = random.Next(1, 5);
        g.StrideHeight = random.Next(1, 4);
        g.StrideWidth = random.Next(1, 4);
        g.DilationHeight = random.Next(1, 4);
        g.DilationWidth = random.Next(4) == 0 ? 2 : 1;
        g.PaddingHeight = random.Next(0, g.FilterHeight);
        g.PaddingWidth = random.Next(0, g.FilterWidth);
        g.OutputHeight = Math.Max(1, (g.InputHeight + 2 * g.PaddingHeight - g.DilationHeight * (g.FilterHeight - 1) - 1) / g.StrideHeight + 1);
        g.OutputWidth = Math.Max(1, (g.InputWidth + 2 * g.PaddingWidth - g.DilationWidth * (g.FilterWidth - 1) - 1) / g.StrideWidth + 1);
        if (depthwise)
        {
            g.InputDepth = random.Next(1, 12);
            // Multipliers 2-9: below, at and above the four-channel block that shares one input value, with a rest.
            g.DepthMultiplier = random.Next(3) == 0 ? random.Next(2, 10) : 1;
            g.OutputDepth = g.InputDepth * g.DepthMultiplier;
        }
        else
        {
            int groups = random.Next(3) == 0 ? random.Next(2, 4) : 1;
            g.FilterInputDepth = random.Next(1, 10);
            g.InputDepth = groups * g.FilterInputDepth;
            g.OutputDepth = groups * random.Next(1, 8);
        }
        Case c = new Case { G = g };
        c.Input = RandomBytes(random, g.Batches * g.InputHeight * g.InputWidth * g.InputDepth);
        c.Filter = RandomBytes(random, depthwise
            ? g.FilterHeight * g.FilterWidth * g.OutputDepth
            : g.OutputDepth * g.FilterHeight * g.FilterWidth * g.FilterInputDepth);
        c.Bias = random.Next(4) == 0 ? Array.Empty<int>() : RandomInts(random, g.OutputDepth, -30000, 30000);
        c.Multipliers = RandomInts(random, g.OutputDepth, 1 << 30, int.MaxValue);
        c.Shifts = RandomInts(random, g.OutputDepth, -12, 3);
        c.InputOffset = random.Next(-127, 129);
        c.OutputOffset = random.Next(-128, 128);
        c.ActivationMin = random.Next(2) == 0 ? -128 : random.Next(-128, 0);
        c.ActivationMax = random.Next(2) == 0 ? 127 : random.Next(0, 128);
        return c;
    }

    private static sbyte[] RandomBytes(Random random, int count)
    {
        var values = new sbyte[count];
        for (int i = 0; i < count; i++) values[i] = (sbyte)random.Next(-128, 128);
        return values;
    }

    private static int[] RandomInts(Random random, int count, int min, int max)
    {
        var values = new int[count];
        for (int i = 0; i < count; i++) values[i] = random.Next(min, max);
        return values;
    }

    private static sbyte Output(Case c, int acc, int channel)
    {
        if (c.Bias.Length > 0) acc += c.Bias[channel];
        acc = LiteralRequantize(acc, c.Multipliers[channel], c.Shifts[channel]) + c.OutputOffset;
        return (sbyte)Math.Min(Math.Max(acc, c.ActivationMin), c.ActivationMax);
    }

    private static bool Inside(in ConvolutionGeometry g, int y, int x) => y >= 0 && y < g.InputHeight && x >= 0 && x < g.InputWidth;

    private static int InputIndex(in ConvolutionGeometry g, int b, int y, int x, int channel) =>
        ((b * g.InputHeight + y) * g.InputWidth + x) * g.InputDepth + channel;

    private static sbyte[] LiteralConv(Case c)
    {
        ConvolutionGeometry g = c.G;
        var output = new sbyte[g.OutputElementCount];
        int filtersPerGroup = g.OutputDepth / (g.InputDepth / g.FilterInputDepth);
        int index = 0;
        for (int b = 0; b < g.Batches; b++)
        for (int outY = 0; outY < g.OutputHeight; outY++)
        for (int outX = 0; outX < g.OutputWidth; outX++)
        for (int oc = 0; oc < g.OutputDepth; oc++)
        {
            int group = oc / filtersPerGroup;
            int acc = 0;
            for (int fy = 0; fy < g.FilterHeight; fy++)
            for (int fx = 0; fx < g.FilterWidth; fx++)
            {
                int inY = outY * g.StrideHeight - g.PaddingHeight + g.DilationHeight * fy;
                int inX = outX * g.StrideWidth - g.PaddingWidth + g.DilationWidth * fx;
                if (!Inside(g, inY, inX)) continue;
                for (int ic = 0; ic < g.FilterInputDepth; ic++)
                {
                    int x = c.Input[InputIndex(g, b, inY, inX, group * g.FilterInputDepth + ic)];
                    int w = c.Filter[((oc * g.FilterHeight + fy) * g.FilterWidth + fx) * g.FilterInputDepth + ic];
                    acc += w * (x + c.InputOffset);
                }
            }
            output[index++] = Output(c, acc, oc);
        }
        return output;
    }

    private static sbyte[] LiteralDepthwise(Case c)
    {
        ConvolutionGeometry g = c.G;
        var output = new sbyte[g.OutputElementCount];
        for (int b = 0; b < g.Batches; b++)
        for (int outY = 0; outY < g.OutputHeight; outY++)
        for (int outX = 0; outX < g.OutputWidth; outX++)
        for (int ic = 0; ic < g.InputDepth; ic++)
        for (int m = 0; m < g.DepthMultiplier; m++)
        {
            int oc = m + ic * g.DepthMultiplier;
            int acc = 0;
            for (int fy = 0; fy < g.FilterHeight; fy++)
            for (int fx = 0; fx < g.FilterWidth; fx++)
            {
                int inY = outY * g.StrideHeight - g.PaddingHeight + g.DilationHeight * fy;
                int inX = outX * g.StrideWidth - g.PaddingWidth + g.DilationWidth * fx;
                if (!Inside(g, inY, inX)) continue;
                int x = c.Input[InputIndex(g, b, inY, inX, ic)];
                int w = c.Filter[(fy * g.FilterWidth + fx) * g.OutputDepth + oc];
                acc += w * (x + c.InputOffset);
            }
            output[((b * g.OutputHeight + outY) * g.OutputWidth + outX) * g.OutputDepth + oc] = Output(c, acc, oc);
        }
        return output;
    }

    [Fact]
    public void Conv2DInt8EqualsTflmsLiteralLoops()
    {
        var random = new Random(1101);
        for (int trial = 0; trial < 600; trial++)
        {
            Case c = RandomCase(random, depthwise: false);
            var actual = new sbyte[c.G.OutputElementCount];
            Conv2DMath.EvalInt8(c.G, c.Input, c.Filter, c.Bias, actual, c.InputOffset, c.OutputOffset, c.Multipliers, c.Shifts,
                c.ActivationMin, c.ActivationMax);
            Assert.True(LiteralConv(c).AsSpan().SequenceEqual(actual), $"trial {trial}: {Describe(c.G)}");
        }
    }

    [Fact]
    public void DepthwiseConv2DInt8EqualsTflmsLiteralLoops()
    {
        var random = new Random(1102);
        for (int trial = 0; trial < 600; trial++)
        {
            Case c = RandomCase(random, depthwise: true);
            var actual = new sbyte[c.G.OutputElementCount];
            DepthwiseConv2DMath.EvalInt8(c.G, c.Input, c.Filter, c.Bias, actual, c.InputOffset, c.OutputOffset, c.Multipliers,
                c.Shifts, c.ActivationMin, c.ActivationMax);
            Assert.True(LiteralDepthwise(c).AsSpan().SequenceEqual(actual), $"trial {trial}: {Describe(c.G)}");
        }
    }

    [Fact]
    public void FullyConnectedInt8EqualsTflmsLiteralLoops()
    {
        var random = new Random(1103);
        for (int trial = 0; trial < 600; trial++)
        {
            int batches = random.Next(1, 4);
            int depth = random.Next(1, 40);
            int outputs = random.Next(1, 12);
            bool perChannel = random.Next(2) == 0;
            int filterOffset = random.Next(3) == 0 ? random.Next(-20, 20) : 0;
            sbyte[] input = RandomBytes(random, batches * depth);
            sbyte[] filter = RandomBytes(random, outputs * depth);
            int[] bias = random.Next(4) == 0 ? Array.Empty<int>() : RandomInts(random, outputs, -30000, 30000);
            int[] multipliers = RandomInts(random, perChannel ? outputs : 1, 1 << 30, int.MaxValue);
            int[] shifts = RandomInts(random, perChannel ? outputs : 1, -12, 3);
            int inputOffset = random.Next(-127, 129);
            int outputOffset = random.Next(-128, 128);
            var expected = new sbyte[batches * outputs];
            for (int b = 0; b < batches; b++)
            for (int o = 0; o < outputs; o++)
            {
                int acc = 0;
                for (int d = 0; d < depth; d++) acc += (filter[o * depth + d] + filterOffset) * (input[b * depth + d] + inputOffset);
                if (bias.Length > 0) acc += bias[o];
                int channel = perChannel ? o : 0;
                acc = LiteralRequantize(acc, multipliers[channel], shifts[channel]) + outputOffset;
                expected[b * outputs + o] = (sbyte)Math.Clamp(acc, -128, 127);
            }
            var actual = new sbyte[batches * outputs];
            FullyConnectedMath.EvalInt8(input, filter, bias, actual, batches, depth, outputs, inputOffset, filterOffset, outputOffset,
                multipliers, shifts, -128, 127);
            Assert.True(expected.AsSpan().SequenceEqual(actual), $"trial {trial}: batches {batches} depth {depth} outputs {outputs} filterOffset {filterOffset}");
        }
    }

    private static string Describe(in ConvolutionGeometry g) =>
        $"N{g.Batches} in {g.InputHeight}x{g.InputWidth}x{g.InputDepth} filter {g.FilterHeight}x{g.FilterWidth}x{g.FilterInputDepth} " +
        $"out {g.OutputHeight}x{g.OutputWidth}x{g.OutputDepth} stride {g.StrideHeight},{g.StrideWidth} dilation {g.DilationHeight},{g.DilationWidth} " +
        $"pad {g.PaddingHeight},{g.PaddingWidth} multiplier {g.DepthMultiplier}";
}
