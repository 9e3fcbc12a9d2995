using System;
using System.Collections.Generic;
using System.Linq;
using TfLiteMicro.Kernels.Tests.Conv;
using TfLiteMicro.Kernels.Tests.DepthwiseConv;
using TfLiteMicro.Kernels.Tests.DetectionPostProcess;
using TfLiteMicro.Kernels.Tests.Elementwise;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;
using static TfLiteMicro.Kernels.Tests.Signal.SignalTestSupport;

namespace TfLiteMicro.Kernels.Tests.UInt8;

/// <summary>
/// Legacy uint8 kernels against a naive float reference written here: random inputs, weights and ranges are quantized,
/// the reference computes on the dequantized values in double (the op's definition, no fixed point), and its result,
/// quantized with round-to-nearest, must be within one step of the kernel's (the fixed-point requantization may round
/// the other way). Many seeds, every implementation.
/// </summary>
public class UInt8FloatReferenceTests
{
    public static IEnumerable<object[]> Cases()
    {
        foreach (object[] implementation in KernelImplementations.All())
        {
            for (int seed = 0; seed < 12; seed++) yield return new object[] { implementation[0], seed };
        }
    }

    private static TfliteUInt8 RandomRange(Random random, float spread) =>
        TfliteUInt8.FromRange(-(float)(0.1 + random.NextDouble() * spread), (float)(0.1 + random.NextDouble() * spread));

    private static byte[] RandomBytes(Random random, int count) => Enumerable.Range(0, count).Select(_ => (byte)random.Next(256)).ToArray();

    private static void AssertWithinOneStep(int[] expected, byte[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1, $"{what}: element {i} is {actual[i]}, reference {expected[i]}");
    }

    private static double Activate(double value, ActivationFunctionType activation) => activation switch
    {
        ActivationFunctionType.RELU => Math.Max(0, value),
        ActivationFunctionType.RELU6 => Math.Clamp(value, 0, 6),
        ActivationFunctionType.RELU_N1_TO_1 => Math.Clamp(value, -1, 1),
        _ => value,
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Conv2DAndDepthwiseMatchTheDefinition(string implementation, int seed)
    {
        var random = new Random(seed);
        bool depthwise = seed % 2 == 1;
        int batches = 1 + random.Next(2), height = 2 + random.Next(6), width = 2 + random.Next(6), inDepth = 1 + random.Next(4);
        int multiplier = depthwise ? 1 + random.Next(2) : 1;
        int outDepth = depthwise ? inDepth * multiplier : 1 + random.Next(5);
        int kh = 1 + random.Next(3), kw = 1 + random.Next(3), sh = 1 + random.Next(2), sw = 1 + random.Next(2);
        int dh = 1 + random.Next(2), dw = 1 + random.Next(2);
        bool same = random.Next(2) == 0;
        var activation = new[] { ActivationFunctionType.NONE, ActivationFunctionType.RELU, ActivationFunctionType.RELU6 }[random.Next(3)];
        int Out(int size, int k, int s, int d) => same ? (size + s - 1) / s : (size - (d * (k - 1) + 1) + s) / s;
        int oh = Out(height, kh, sh, dh), ow = Out(width, kw, sw, dw);
        if (oh <= 0 || ow <= 0) return;
        int PadTotal(int size, int k, int s, int d, int o) => Math.Max(0, (o - 1) * s + d * (k - 1) + 1 - size);
        int padH = same ? PadTotal(height, kh, sh, dh, oh) / 2 : 0, padW = same ? PadTotal(width, kw, sw, dw, ow) / 2 : 0;

        TfliteUInt8 input = RandomRange(random, 4), filter = RandomRange(random, 2), output = RandomRange(random, 12);
        byte[] inputData = RandomBytes(random, batches * height * width * inDepth);
        int filterCount = depthwise ? kh * kw * outDepth : outDepth * kh * kw * inDepth;
        byte[] filterData = RandomBytes(random, filterCount);
        float biasScale = input.Scale * filter.Scale;
        int[] bias = Enumerable.Range(0, outDepth).Select(_ => random.Next(-2000, 2000)).ToArray();
        var biasTensor = new TestTensor(TensorType.Int32, new[] { outDepth }, TfLiteModelBuilder.Bytes(bias), new[] { biasScale }, new long[] { 0 }, isConstant: true);

        int[] expected = new int[batches * oh * ow * outDepth];
        int e = 0;
        for (int b = 0; b < batches; b++)
        for (int y = 0; y < oh; y++)
        for (int x = 0; x < ow; x++)
        for (int o = 0; o < outDepth; o++, e++)
        {
            double sum = (double)bias[o] * biasScale;
            for (int fy = 0; fy < kh; fy++)
            for (int fx = 0; fx < kw; fx++)
            {
                int iy = y * sh - padH + fy * dh, ix = x * sw - padW + fx * dw;
                if (iy < 0 || iy >= height || ix < 0 || ix >= width) continue;
                if (depthwise)
                {
                    int i = o / multiplier;
                    sum += (double)input.Dequantize(inputData[((b * height + iy) * width + ix) * inDepth + i])
                        * filter.Dequantize(filterData[(fy * kw + fx) * outDepth + o]);
                }
                else
                {
                    for (int i = 0; i < inDepth; i++)
                        sum += (double)input.Dequantize(inputData[((b * height + iy) * width + ix) * inDepth + i])
                            * filter.Dequantize(filterData[((o * kh + fy) * kw + fx) * inDepth + i]);
                }
            }
            expected[e] = output.QuantizeIdeal(Activate(sum, activation));
        }

        BuiltinOperator op = depthwise ? BuiltinOperator.DEPTHWISE_CONV_2D : BuiltinOperator.CONV_2D;
        FbTable options = depthwise
            ? DepthwiseConv2DTests.Options(same ? Padding.SAME : Padding.VALID, sw, sh, multiplier, activation, dw, dh)
            : Conv2DTests.Options(same ? Padding.SAME : Padding.VALID, sw, sh, activation, dw, dh);
        using var runner = new KernelRunner(KernelImplementations.Get(implementation, op), new[]
        {
            input.Tensor(new[] { batches, height, width, inDepth }, inputData),
            filter.Tensor(depthwise ? new[] { 1, kh, kw, outDepth } : new[] { outDepth, kh, kw, inDepth }, filterData, isConstant: true),
            biasTensor, output.Tensor(new[] { batches, oh, ow, outDepth }),
        }, new[] { 0, 1, 2 }, new[] { 3 }, op, (byte)(depthwise ? BuiltinOptions.DepthwiseConv2DOptions : BuiltinOptions.Conv2DOptions), options, arenaBytes: 1 << 18);
        Assert.True(runner.InitAndPrepare() == Status.Ok, runner.Errors.MessageText);
        Assert.Equal(Status.Ok, runner.Invoke());
        AssertWithinOneStep(expected, runner.Get<byte>(3), op.ToString());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void FullyConnectedMatchesTheDefinition(string implementation, int seed)
    {
        var random = new Random(100 + seed);
        int batches = 1 + random.Next(3), depth = 1 + random.Next(40), units = 1 + random.Next(8);
        TfliteUInt8 input = RandomRange(random, 3), filter = RandomRange(random, 1), output = RandomRange(random, 20);
        byte[] inputData = RandomBytes(random, batches * depth), filterData = RandomBytes(random, units * depth);
        float biasScale = input.Scale * filter.Scale;
        int[] bias = Enumerable.Range(0, units).Select(_ => random.Next(-5000, 5000)).ToArray();
        int[] expected = new int[batches * units];
        for (int b = 0; b < batches; b++)
        for (int u = 0; u < units; u++)
        {
            double sum = (double)bias[u] * biasScale;
            for (int d = 0; d < depth; d++) sum += (double)input.Dequantize(inputData[b * depth + d]) * filter.Dequantize(filterData[u * depth + d]);
            expected[b * units + u] = output.QuantizeIdeal(sum);
        }
        using var runner = new KernelRunner(KernelImplementations.Get(implementation, BuiltinOperator.FULLY_CONNECTED), new[]
        {
            input.Tensor(new[] { batches, depth }, inputData), filter.Tensor(new[] { units, depth }, filterData, isConstant: true),
            new TestTensor(TensorType.Int32, new[] { units }, TfLiteModelBuilder.Bytes(bias), new[] { biasScale }, new long[] { 0 }, isConstant: true),
            output.Tensor(new[] { batches, units }),
        }, new[] { 0, 1, 2 }, new[] { 3 }, BuiltinOperator.FULLY_CONNECTED, (byte)BuiltinOptions.FullyConnectedOptions, new FbTable());
        Assert.True(runner.InitAndPrepare() == Status.Ok, runner.Errors.MessageText);
        Assert.Equal(Status.Ok, runner.Invoke());
        AssertWithinOneStep(expected, runner.Get<byte>(3), "FULLY_CONNECTED");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void AddWithBroadcastMatchesTheDefinition(string implementation, int seed)
    {
        var random = new Random(200 + seed);
        int[] outputShape = { 1 + random.Next(3), 1 + random.Next(4), 1 + random.Next(5) };
        int[] shape1 = outputShape.Select(d => random.Next(3) == 0 ? 1 : d).ToArray();
        int[] shape2 = outputShape.Select(d => random.Next(3) == 0 ? 1 : d).ToArray();
        TfliteUInt8 q1 = RandomRange(random, 3), q2 = RandomRange(random, 3), output = RandomRange(random, 6);
        byte[] a = RandomBytes(random, shape1.Aggregate(1, (x, y) => x * y)), b = RandomBytes(random, shape2.Aggregate(1, (x, y) => x * y));
        int[] source1 = BinaryOpHarness.SourceIndices(shape1, outputShape), source2 = BinaryOpHarness.SourceIndices(shape2, outputShape);
        int[] expected = source1.Select((s, i) => output.QuantizeIdeal((double)q1.Dequantize(a[s]) + q2.Dequantize(b[source2[i]]))).ToArray();
        using KernelRunner runner = BinaryOpHarness.Runner(implementation, BuiltinOperator.ADD, q1.Tensor(shape1, a), q2.Tensor(shape2, b), output.Tensor(outputShape));
        Assert.True(runner.InitAndPrepare() == Status.Ok, runner.Errors.MessageText);
        Assert.Equal(Status.Ok, runner.Invoke());
        AssertWithinOneStep(expected, runner.Get<byte>(2), "ADD");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void AveragePoolMatchesTheDefinition(string implementation, int seed)
    {
        var random = new Random(300 + seed);
        int height = 2 + random.Next(6), width = 2 + random.Next(6), depth = 1 + random.Next(3), fh = 1 + random.Next(3), fw = 1 + random.Next(3);
        int stride = 1 + random.Next(2);
        bool same = random.Next(2) == 0;
        int oh = same ? (height + stride - 1) / stride : (height - fh + stride) / stride, ow = same ? (width + stride - 1) / stride : (width - fw + stride) / stride;
        if (oh <= 0 || ow <= 0) return;
        int padH = same ? Math.Max(0, (oh - 1) * stride + fh - height) / 2 : 0, padW = same ? Math.Max(0, (ow - 1) * stride + fw - width) / 2 : 0;
        TfliteUInt8 q = RandomRange(random, 5);
        byte[] data = RandomBytes(random, height * width * depth);
        var expected = new List<int>();
        for (int y = 0; y < oh; y++)
        for (int x = 0; x < ow; x++)
        for (int c = 0; c < depth; c++)
        {
            double sum = 0;
            int count = 0;
            for (int fy = 0; fy < fh; fy++)
            for (int fx = 0; fx < fw; fx++)
            {
                int iy = y * stride - padH + fy, ix = x * stride - padW + fx;
                if (iy < 0 || iy >= height || ix < 0 || ix >= width) continue;
                sum += q.Dequantize(data[(iy * width + ix) * depth + c]);
                count++;
            }
            expected.Add(q.QuantizeIdeal(sum / count));
        }
        using var runner = new KernelRunner(KernelImplementations.Get(implementation, BuiltinOperator.AVERAGE_POOL_2D), new[]
        {
            q.Tensor(new[] { 1, height, width, depth }, data), q.Tensor(new[] { 1, oh, ow, depth }),
        }, new[] { 0 }, new[] { 1 }, BuiltinOperator.AVERAGE_POOL_2D, (byte)BuiltinOptions.Pool2DOptions,
            new FbTable().Scalar(0, (sbyte)(same ? Padding.SAME : Padding.VALID)).Scalar(1, stride).Scalar(2, stride).Scalar(3, fw).Scalar(4, fh));
        Assert.True(runner.InitAndPrepare() == Status.Ok, runner.Errors.MessageText);
        Assert.Equal(Status.Ok, runner.Invoke());
        AssertWithinOneStep(expected.ToArray(), runner.Get<byte>(1), "AVERAGE_POOL_2D");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void SoftmaxAndLogisticMatchTheDefinition(string implementation, int seed)
    {
        var random = new Random(400 + seed);
        int rows = 1 + random.Next(3), depth = 1 + random.Next(20);
        TfliteUInt8 input = RandomRange(random, 12);
        var output = new TfliteUInt8(1f / 256, 0);
        byte[] data = RandomBytes(random, rows * depth);
        float beta = (float)(0.2 + random.NextDouble() * 1.5);
        int[] softmax = new int[rows * depth];
        for (int r = 0; r < rows; r++)
        {
            double max = Enumerable.Range(0, depth).Max(j => input.Dequantize(data[r * depth + j]));
            double[] exps = Enumerable.Range(0, depth).Select(j => Math.Exp(beta * (input.Dequantize(data[r * depth + j]) - max))).ToArray();
            double sum = exps.Sum();
            for (int j = 0; j < depth; j++) softmax[r * depth + j] = output.QuantizeIdeal(exps[j] / sum);
        }
        int[] logistic = data.Select(q => output.QuantizeIdeal(1 / (1 + Math.Exp(-input.Dequantize(q))))).ToArray();

        int[] shape = { rows, depth };
        using (var runner = new KernelRunner(KernelImplementations.Get(implementation, BuiltinOperator.SOFTMAX), new[] { input.Tensor(shape, data), output.Tensor(shape) },
            new[] { 0 }, new[] { 1 }, BuiltinOperator.SOFTMAX, (byte)BuiltinOptions.SoftmaxOptions, new FbTable().Scalar(0, beta)))
        {
            Assert.True(runner.InitAndPrepare() == Status.Ok, runner.Errors.MessageText);
            Assert.Equal(Status.Ok, runner.Invoke());
            AssertWithinOneStep(softmax, runner.Get<byte>(1), "SOFTMAX");
        }
        using (var runner = new KernelRunner(KernelImplementations.Get(implementation, BuiltinOperator.LOGISTIC), new[] { input.Tensor(shape, data), output.Tensor(shape) },
            new[] { 0 }, new[] { 1 }, BuiltinOperator.LOGISTIC))
        {
            Assert.True(runner.InitAndPrepare() == Status.Ok, runner.Errors.MessageText);
            Assert.Equal(Status.Ok, runner.Invoke());
            AssertWithinOneStep(logistic, runner.Get<byte>(1), "LOGISTIC");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ConcatenationRequantizesToTheOutputRange(string implementation, int seed)
    {
        var random = new Random(500 + seed);
        int inputs = 1 + random.Next(4), outer = 1 + random.Next(3), inner = 1 + random.Next(3);
        TfliteUInt8 output = RandomRange(random, 8);
        var tensors = new List<TestTensor>();
        var expected = new List<int>[outer];
        for (int k = 0; k < outer; k++) expected[k] = new List<int>();
        int axisTotal = 0;
        for (int i = 0; i < inputs; i++)
        {
            // Some inputs share the output's quantization (copied as they are), the others are requantized.
            TfliteUInt8 q = random.Next(3) == 0 ? output : RandomRange(random, 8);
            int axis = 1 + random.Next(3);
            byte[] data = RandomBytes(random, outer * axis * inner);
            tensors.Add(q.Tensor(new[] { outer, axis, inner }, data));
            for (int k = 0; k < outer; k++)
                for (int j = 0; j < axis * inner; j++)
                    expected[k].Add(q == output ? data[k * axis * inner + j] : output.QuantizeIdeal(q.Dequantize(data[k * axis * inner + j])));
            axisTotal += axis;
        }
        tensors.Add(output.Tensor(new[] { outer, axisTotal, inner }));
        using var runner = new KernelRunner(KernelImplementations.Get(implementation, BuiltinOperator.CONCATENATION), tensors,
            Enumerable.Range(0, inputs).ToArray(), new[] { inputs }, BuiltinOperator.CONCATENATION, (byte)BuiltinOptions.ConcatenationOptions,
            new FbTable().Scalar(0, 1));
        Assert.True(runner.InitAndPrepare() == Status.Ok, runner.Errors.MessageText);
        Assert.Equal(Status.Ok, runner.Invoke());
        AssertWithinOneStep(expected.SelectMany(x => x).ToArray(), runner.Get<byte>(inputs), "CONCATENATION");
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void DetectionPostProcessWithUInt8InputsIsTheFloatKernelOnDequantizedInputs(string implementation)
    {
        // TFLite's detection_postprocess_test.cc quantized case: box encodings in [-1, 1], scores in [0, 1], anchors in
        // [0, 100.5]; six boxes, two classes after a background column.
        float[] boxes = { 0, 0, 0, 0, 0, 1, 0, 0, 0, -1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0 };
        float[] scores = { 0f, .9f, .8f, 0f, .75f, .72f, 0f, .6f, .5f, 0f, .93f, .95f, 0f, .5f, .4f, 0f, .3f, .2f };
        float[] anchors = { 0.5f, 0.5f, 1, 1, 0.5f, 0.5f, 1, 1, 0.5f, 0.5f, 1, 1, 0.5f, 10.5f, 1, 1, 0.5f, 10.5f, 1, 1, 0.5f, 100.5f, 1, 1 };
        TfliteUInt8 qBoxes = TfliteUInt8.FromRange(-1f, 1f), qScores = TfliteUInt8.FromRange(0f, 1f), qAnchors = TfliteUInt8.FromRange(0f, 100.5f);
        byte[] boxBytes = qBoxes.Quantize(boxes), scoreBytes = qScores.Quantize(scores), anchorBytes = qAnchors.Quantize(anchors);
        foreach (bool regular in new[] { false, true })
        {
            byte[] options = new DetectionPostProcessOptions { UseRegularNms = regular, ScoreThreshold = 0f }.ToBytes();
            float[] quantized = Run(implementation, options, qBoxes.Tensor(new[] { 1, 6, 4 }, boxBytes), qScores.Tensor(new[] { 1, 6, 3 }, scoreBytes),
                qAnchors.Tensor(new[] { 6, 4 }, anchorBytes, isConstant: true));
            float[] dequantized = Run(implementation, options, TestTensor.Float(new[] { 1, 6, 4 }, qBoxes.Dequantize(boxBytes)),
                TestTensor.Float(new[] { 1, 6, 3 }, qScores.Dequantize(scoreBytes)), TestTensor.Float(new[] { 6, 4 }, qAnchors.Dequantize(anchorBytes), isConstant: true));
            Assert.Equal(dequantized, quantized);
            Assert.True(quantized[^1] >= 2f, "detections: " + quantized[^1]);
        }
    }

    private static float[] Run(string implementation, byte[] options, TestTensor boxes, TestTensor scores, TestTensor anchors)
    {
        using var runner = new KernelRunner(Kernel(implementation, "TFLite_Detection_PostProcess"), new[]
        {
            boxes, scores, anchors, TestTensor.Float(new[] { 1, 3, 4 }), TestTensor.Float(new[] { 1, 3 }), TestTensor.Float(new[] { 1, 3 }), TestTensor.Float(new[] { 1 }),
        }, new[] { 0, 1, 2 }, new[] { 3, 4, 5, 6 }, customOptions: options, arenaBytes: 1 << 18);
        Assert.True(runner.InitAndPrepare() == Status.Ok, runner.Errors.MessageText);
        Assert.True(runner.Invoke() == Status.Ok, runner.Errors.MessageText);
        return Enumerable.Range(3, 4).SelectMany(i => runner.Get<float>(i)).ToArray();
    }
}
