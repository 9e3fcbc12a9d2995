using System;

namespace TfLiteMicro.Kernels.Tests.Conv;

/// <summary>
/// Independent, deliberately naive convolutions in double for the tests (written from the op definitions, not from
/// the kernels' loops): each output element is computed on its own from its definition, and the padding comes from
/// TensorFlow's documented SAME rule (total = max((out − 1)·stride + window − in, 0), half before).
/// </summary>
public static class ConvolutionReference
{
    public static int OutputSize(bool same, int input, int filter, int stride, int dilation)
    {
        int window = (filter - 1) * dilation + 1;
        return same ? (input + stride - 1) / stride : (input - window) / stride + 1;
    }

    public static int PaddingBefore(bool same, int input, int filter, int stride, int dilation, int output)
    {
        if (!same) return 0;
        int window = (filter - 1) * dilation + 1;
        return Math.Max((output - 1) * stride + window - input, 0) / 2;
    }

    /// <summary>
    /// CONV_2D: input [N,H,W,C] (values already minus the input zero point), filter [O,FH,FW,C/groups]; returns the
    /// raw sums plus bias, shape [N,OH,OW,O].
    /// </summary>
    public static double[] Conv2D(double[] input, int[] inputShape, double[] filter, int[] filterShape, double[]? bias,
        int[] outputShape, bool same, int strideH, int strideW, int dilationH, int dilationW)
    {
        int n = inputShape[0], h = inputShape[1], w = inputShape[2], c = inputShape[3];
        int o = filterShape[0], fh = filterShape[1], fw = filterShape[2], fc = filterShape[3];
        int oh = outputShape[1], ow = outputShape[2];
        int groups = c / fc;
        int perGroup = o / groups;
        int padH = PaddingBefore(same, h, fh, strideH, dilationH, OutputSize(same, h, fh, strideH, dilationH));
        int padW = PaddingBefore(same, w, fw, strideW, dilationW, OutputSize(same, w, fw, strideW, dilationW));
        double[] result = new double[n * oh * ow * o];
        for (int b = 0; b < n; b++)
        for (int y = 0; y < oh; y++)
        for (int x = 0; x < ow; x++)
        for (int oc = 0; oc < o; oc++)
        {
            double sum = bias == null ? 0 : bias[oc];
            int group = oc / perGroup;
            for (int ky = 0; ky < fh; ky++)
            for (int kx = 0; kx < fw; kx++)
            for (int ic = 0; ic < fc; ic++)
            {
                int iy = y * strideH + ky * dilationH - padH;
                int ix = x * strideW + kx * dilationW - padW;
                if (iy < 0 || iy >= h || ix < 0 || ix >= w) continue;
                sum += input[((b * h + iy) * w + ix) * c + group * fc + ic] * filter[((oc * fh + ky) * fw + kx) * fc + ic];
            }
            result[((b * oh + y) * ow + x) * o + oc] = sum;
        }
        return result;
    }

    /// <summary>DEPTHWISE_CONV_2D: filter [1,FH,FW,C·M]; output channel oc reads input channel oc / M.</summary>
    public static double[] Depthwise(double[] input, int[] inputShape, double[] filter, int[] filterShape, double[]? bias,
        int[] outputShape, bool same, int strideH, int strideW, int dilationH, int dilationW)
    {
        int n = inputShape[0], h = inputShape[1], w = inputShape[2], c = inputShape[3];
        int fh = filterShape[1], fw = filterShape[2], o = filterShape[3];
        int m = o / c;
        int oh = outputShape[1], ow = outputShape[2];
        int padH = PaddingBefore(same, h, fh, strideH, dilationH, OutputSize(same, h, fh, strideH, dilationH));
        int padW = PaddingBefore(same, w, fw, strideW, dilationW, OutputSize(same, w, fw, strideW, dilationW));
        double[] result = new double[n * oh * ow * o];
        for (int b = 0; b < n; b++)
        for (int y = 0; y < oh; y++)
        for (int x = 0; x < ow; x++)
        for (int oc = 0; oc < o; oc++)
        {
            double sum = bias == null ? 0 : bias[oc];
            for (int ky = 0; ky < fh; ky++)
            for (int kx = 0; kx < fw; kx++)
            {
                int iy = y * strideH + ky * dilationH - padH;
                int ix = x * strideW + kx * dilationW - padW;
                if (iy < 0 || iy >= h || ix < 0 || ix >= w) continue;
                sum += input[((b * h + iy) * w + ix) * c + oc / m] * filter[(ky * fw + kx) * o + oc];
            }
            result[((b * oh + y) * ow + x) * o + oc] = sum;
        }
        return result;
    }

    /// <summary>
    /// TRANSPOSE_CONV as the gradient of a convolution: output[y, x, oc] = Σ input[iy, ix, ic] · filter[oc, ky, kx, ic]
    /// over all (iy, ix, ky, kx) with iy·stride + ky − pad = y (pad from the forward convolution of the output).
    /// </summary>
    public static double[] TransposeConv(double[] input, int[] inputShape, double[] filter, int[] filterShape, double[]? bias,
        int[] outputShape, bool same, int strideH, int strideW)
    {
        int n = inputShape[0], h = inputShape[1], w = inputShape[2], c = inputShape[3];
        int o = filterShape[0], fh = filterShape[1], fw = filterShape[2];
        int oh = outputShape[1], ow = outputShape[2];
        int padH = PaddingBefore(same, oh, fh, strideH, 1, OutputSize(same, oh, fh, strideH, 1));
        int padW = PaddingBefore(same, ow, fw, strideW, 1, OutputSize(same, ow, fw, strideW, 1));
        double[] result = new double[n * oh * ow * o];
        for (int b = 0; b < n; b++)
        for (int y = 0; y < oh; y++)
        for (int x = 0; x < ow; x++)
        for (int oc = 0; oc < o; oc++)
        {
            double sum = bias == null ? 0 : bias[oc];
            for (int iy = 0; iy < h; iy++)
            for (int ix = 0; ix < w; ix++)
            {
                int ky = y + padH - iy * strideH;
                int kx = x + padW - ix * strideW;
                if (ky < 0 || ky >= fh || kx < 0 || kx >= fw) continue;
                for (int ic = 0; ic < c; ic++)
                    sum += input[((b * h + iy) * w + ix) * c + ic] * filter[((oc * fh + ky) * fw + kx) * c + ic];
            }
            result[((b * oh + y) * ow + x) * o + oc] = sum;
        }
        return result;
    }

    /// <summary>Real value → quantized output, rounded to nearest and clamped.</summary>
    public static int Requantize(double accumulator, double multiplier, int zeroPoint, int min, int max)
    {
        double q = Math.Round(accumulator * multiplier, MidpointRounding.AwayFromZero) + zeroPoint;
        return (int)Math.Clamp(q, min, max);
    }

    public static double[] ToDouble(float[] values) => Array.ConvertAll(values, v => (double)v);

    public static double[] ToDouble(sbyte[] values, int zeroPoint = 0) => Array.ConvertAll(values, v => (double)(v - zeroPoint));

    public static double[] ToDouble(short[] values) => Array.ConvertAll(values, v => (double)v);

    public static float[] RandomFloats(Random random, int count, float range = 1f)
    {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) values[i] = (float)(random.NextDouble() * 2 - 1) * range;
        return values;
    }

    public static sbyte[] RandomInt8(Random random, int count, int min = -128, int max = 127)
    {
        sbyte[] values = new sbyte[count];
        for (int i = 0; i < count; i++) values[i] = (sbyte)random.Next(min, max + 1);
        return values;
    }

    public static short[] RandomInt16(Random random, int count, int min = short.MinValue, int max = short.MaxValue)
    {
        short[] values = new short[count];
        for (int i = 0; i < count; i++) values[i] = (short)random.Next(min, max + 1);
        return values;
    }

    public static int Count(int[] shape)
    {
        int count = 1;
        foreach (int d in shape) count *= d;
        return count;
    }
}
