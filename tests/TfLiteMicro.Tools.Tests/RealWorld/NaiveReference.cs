using System;
using System.Linq;

namespace TfLiteMicro.Tools.Tests.RealWorld;

/// <summary>
/// Plain double-precision definitions of the layers the real-world test models use, written from the ops'
/// definitions (NHWC, TFLite's SAME padding: total = max(0, (out − 1)·stride + k − in), the smaller half before), to
/// check TfLiteMicro's kernels independently.
/// </summary>
internal static class NaiveReference
{
    /// <summary>CONV_2D (filter [O, KH, KW, C]) or DEPTHWISE_CONV_2D (filter [1, KH, KW, O], O = C·multiplier).</summary>
    public static double[] Conv(double[] x, int n, int h, int w, int c, double[] filter, int o, int kh, int kw, double[] bias,
        int stride, bool same, bool depthwise, out int oh, out int ow)
    {
        oh = same ? (h + stride - 1) / stride : (h - kh + stride) / stride;
        ow = same ? (w + stride - 1) / stride : (w - kw + stride) / stride;
        int padH = same ? Math.Max(0, (oh - 1) * stride + kh - h) / 2 : 0;
        int padW = same ? Math.Max(0, (ow - 1) * stride + kw - w) / 2 : 0;
        int multiplier = depthwise ? o / c : 1;
        double[] y = new double[n * oh * ow * o];
        for (int b = 0; b < n; b++)
        for (int oy = 0; oy < oh; oy++)
        for (int ox = 0; ox < ow; ox++)
        for (int oc = 0; oc < o; oc++)
        {
            double sum = bias[oc];
            for (int fy = 0; fy < kh; fy++)
            for (int fx = 0; fx < kw; fx++)
            {
                int iy = oy * stride - padH + fy, ix = ox * stride - padW + fx;
                if (iy < 0 || iy >= h || ix < 0 || ix >= w) continue;
                if (depthwise)
                {
                    sum += x[((b * h + iy) * w + ix) * c + oc / multiplier] * filter[(fy * kw + fx) * o + oc];
                }
                else
                {
                    for (int ic = 0; ic < c; ic++) sum += x[((b * h + iy) * w + ix) * c + ic] * filter[((oc * kh + fy) * kw + fx) * c + ic];
                }
            }
            y[((b * oh + oy) * ow + ox) * o + oc] = sum;
        }
        return y;
    }

    /// <summary>Transpose convolution with MediaPipe's output size and padding (filter [O, KH, KW, C]), plus bias.</summary>
    public static double[] TransposeConv(double[] x, int h, int w, int c, double[] filter, int o, int k, double[] bias, int stride,
        out int oh, out int ow)
    {
        int totalH = Math.Max(0, k - (h - 1) % stride - 1), totalW = Math.Max(0, k - (w - 1) % stride - 1);
        oh = stride * (h - 1) + k - totalH;
        ow = stride * (w - 1) + k - totalW;
        double[] y = new double[oh * ow * o];
        for (int i = 0; i < y.Length; i++) y[i] = bias[i % o];
        for (int iy = 0; iy < h; iy++)
        for (int ix = 0; ix < w; ix++)
        for (int fy = 0; fy < k; fy++)
        for (int fx = 0; fx < k; fx++)
        {
            int oy = iy * stride - totalH / 2 + fy, ox = ix * stride - totalW / 2 + fx;
            if (oy < 0 || oy >= oh || ox < 0 || ox >= ow) continue;
            for (int oc = 0; oc < o; oc++)
                for (int ic = 0; ic < c; ic++)
                    y[(oy * ow + ox) * o + oc] += x[(iy * w + ix) * c + ic] * filter[((oc * k + fy) * k + fx) * c + ic];
        }
        return y;
    }

    public static double[] FullyConnected(double[] x, int batches, int depth, double[] weights, int units, double[] bias)
    {
        double[] y = new double[batches * units];
        for (int b = 0; b < batches; b++)
            for (int u = 0; u < units; u++)
            {
                double sum = bias[u];
                for (int d = 0; d < depth; d++) sum += x[b * depth + d] * weights[u * depth + d];
                y[b * units + u] = sum;
            }
        return y;
    }

    public static double[] Relu(double[] x) => x.Select(v => Math.Max(0, v)).ToArray();

    public static double[] Relu6(double[] x) => x.Select(v => Math.Clamp(v, 0, 6)).ToArray();

    /// <summary>Global average over H×W per channel.</summary>
    public static double[] Mean(double[] x, int pixels, int channels) =>
        Enumerable.Range(0, channels).Select(c => Enumerable.Range(0, pixels).Average(p => x[p * channels + c])).ToArray();

    public static double[] Softmax(double[] x)
    {
        double max = x.Max();
        double[] e = x.Select(v => Math.Exp(v - max)).ToArray();
        double sum = e.Sum();
        return e.Select(v => v / sum).ToArray();
    }

    public static double[] Logistic(double[] x) => x.Select(v => 1 / (1 + Math.Exp(-v))).ToArray();
}
