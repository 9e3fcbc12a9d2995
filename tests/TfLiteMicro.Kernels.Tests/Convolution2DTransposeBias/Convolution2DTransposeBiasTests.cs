using System;
using System.Linq;
using TfLiteMicro.Testing;
using Xunit;
using static TfLiteMicro.Kernels.Tests.Signal.SignalTestSupport;

namespace TfLiteMicro.Kernels.Tests.Convolution2DTransposeBias;

/// <summary>
/// MediaPipe's custom "Convolution2DTransposeBias" (transpose_conv_bias.cc; neither TFLM nor TFLite has it). Checked
/// bit for bit against MediaPipe's loop nest transcribed here (bias first, then input × weight scattered in the order
/// batch, in_y, in_x, in_channel, filter_y, filter_x, out_channel, in float), and against the definition evaluated
/// independently in double (gather per output element). Options are the raw 12-byte struct MediaPipe's models carry.
/// </summary>
public class Convolution2DTransposeBiasTests
{
    private const int Same = 1, Valid = 2;

    private static byte[] Options(int padding, int strideW, int strideH) =>
        TfLiteModelBuilder.Bytes(padding, strideW, strideH);

    /// <summary>MediaPipe's output size and padding offset for one axis.</summary>
    private static (int Output, int Offset) Axis(int padding, int input, int filter, int stride)
    {
        int total = padding == Same ? Math.Max(0, filter - (input - 1) % stride - 1) : 0;
        return (stride * (input - 1) + filter - total, total / 2);
    }

    private static float[] MediaPipeLoops(int n, int h, int w, int ic, int oc, int kh, int kw, int padding, int sw, int sh,
        float[] input, float[] weights, float[] bias, out int oh, out int ow)
    {
        (oh, int padH) = Axis(padding, h, kh, sh);
        (ow, int padW) = Axis(padding, w, kw, sw);
        float[] output = new float[n * oh * ow * oc];
        for (int b = 0; b < n; b++)
        {
            for (int y = 0; y < oh; y++)
                for (int x = 0; x < ow; x++)
                    for (int o = 0; o < oc; o++) output[((b * oh + y) * ow + x) * oc + o] = bias[o];
            for (int inY = 0; inY < h; inY++)
                for (int inX = 0; inX < w; inX++)
                    for (int i = 0; i < ic; i++)
                        for (int fy = 0; fy < kh; fy++)
                            for (int fx = 0; fx < kw; fx++)
                                for (int o = 0; o < oc; o++)
                                {
                                    int outY = inY * sh - padH + fy, outX = inX * sw - padW + fx;
                                    if (outY < 0 || outY >= oh || outX < 0 || outX >= ow) continue;
                                    output[((b * oh + outY) * ow + outX) * oc + o] +=
                                        input[((b * h + inY) * w + inX) * ic + i] * weights[((o * kh + fy) * kw + fx) * ic + i];
                                }
        }
        return output;
    }

    /// <summary>The definition, per output element: bias + Σ over the (in_y, in_x, i, fy, fx) landing on it, in double.</summary>
    private static double Gather(int b, int y, int x, int o, int h, int w, int ic, int kh, int kw, int padH, int padW, int sh, int sw,
        float[] input, float[] weights, float[] bias)
    {
        double sum = bias[o];
        for (int fy = 0; fy < kh; fy++)
            for (int fx = 0; fx < kw; fx++)
            {
                int ty = y + padH - fy, tx = x + padW - fx;
                if (ty < 0 || tx < 0 || ty % sh != 0 || tx % sw != 0 || ty / sh >= h || tx / sw >= w) continue;
                for (int i = 0; i < ic; i++)
                    sum += (double)input[((b * h + ty / sh) * w + tx / sw) * ic + i] * weights[((o * kh + fy) * kw + fx) * ic + i];
            }
        return sum;
    }

    public static System.Collections.Generic.IEnumerable<object[]> Cases()
    {
        var data = new System.Collections.Generic.List<object[]>();
        // (n, h, w, ic, oc, kh, kw, padding, strideW, strideH): MediaPipe's selfie/hair segmentation upsamplers are 2×2 or
        // 4×4, stride 2, SAME; the MLIR test's 32×42 → 64×84 geometry with fewer channels; VALID and odd shapes.
        foreach (object[] implementation in KernelImplementations.All())
        {
            string name = (string)implementation[0];
            data.Add(new object[] { name, 1, 32, 42, 8, 4, 4, 4, Same, 2, 2 });
            data.Add(new object[] { name, 1, 5, 7, 3, 2, 2, 2, Same, 2, 2 });
            data.Add(new object[] { name, 2, 4, 3, 2, 3, 3, 3, Valid, 2, 1 });
            data.Add(new object[] { name, 1, 3, 4, 2, 2, 3, 2, Same, 3, 2 });
            data.Add(new object[] { name, 1, 1, 1, 4, 5, 3, 3, Same, 1, 1 });
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesMediaPipeAndTheDefinition(string implementation, int n, int h, int w, int ic, int oc, int kh, int kw, int padding, int sw, int sh)
    {
        var random = new Random(n * 1000 + h * 100 + w * 10 + ic + oc);
        float[] input = Enumerable.Range(0, n * h * w * ic).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        float[] weights = Enumerable.Range(0, oc * kh * kw * ic).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        float[] bias = Enumerable.Range(0, oc).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        float[] expected = MediaPipeLoops(n, h, w, ic, oc, kh, kw, padding, sw, sh, input, weights, bias, out int oh, out int ow);

        using var runner = new KernelRunner(Kernel(implementation, "Convolution2DTransposeBias"), new[]
        {
            TestTensor.Float(new[] { n, h, w, ic }, input),
            TestTensor.Float(new[] { oc, kh, kw, ic }, weights, isConstant: true),
            TestTensor.Float(new[] { oc }, bias, isConstant: true),
            TestTensor.Float(new[] { n, oh, ow, oc }),
        }, new[] { 0, 1, 2 }, new[] { 3 }, customOptions: Options(padding, sw, sh), arenaBytes: 1 << 20);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        float[] actual = runner.Get<float>(3);
        Assert.Equal(expected, actual);

        int padH = Axis(padding, h, kh, sh).Offset, padW = Axis(padding, w, kw, sw).Offset;
        for (int b = 0; b < n; b++)
            for (int y = 0; y < oh; y++)
                for (int x = 0; x < ow; x++)
                    for (int o = 0; o < oc; o++)
                    {
                        double reference = Gather(b, y, x, o, h, w, ic, kh, kw, padH, padW, sh, sw, input, weights, bias);
                        float value = actual[((b * oh + y) * ow + x) * oc + o];
                        Assert.True(Math.Abs(value - reference) <= 1e-5 + 1e-5 * Math.Abs(reference), $"({b},{y},{x},{o}): {value} vs {reference}");
                    }
    }

    [Fact]
    public void OutputShapeAndOptionsAreChecked()
    {
        string Prepare(int[] outputShape, byte[]? options, int[]? biasShape = null)
        {
            using var runner = new KernelRunner(Kernel(KernelImplementations.Reference, "Convolution2DTransposeBias"), new[]
            {
                TestTensor.Float(new[] { 1, 32, 42, 2 }),
                TestTensor.Float(new[] { 3, 4, 4, 2 }, new float[96], isConstant: true),
                TestTensor.Float(biasShape ?? new[] { 3 }, new float[(biasShape ?? new[] { 3 })[0]], isConstant: true),
                TestTensor.Float(outputShape),
            }, new[] { 0, 1, 2 }, new[] { 3 }, customOptions: options);
            return runner.InitAndPrepare() == Status.Ok ? "" : runner.Errors.MessageText;
        }

        // The MLIR converter test's options bytes 01000000 02000000 02000000 (SAME, stride 2, 2): 32×42 → 64×84.
        byte[] mlir = Convert.FromHexString("010000000200000002000000");
        Assert.Equal("", Prepare(new[] { 1, 64, 84, 3 }, mlir));
        Assert.Contains("must be [1, 64, 84, 3] (MediaPipe's output size)", Prepare(new[] { 1, 64, 83, 3 }, mlir));
        Assert.Equal("", Prepare(new[] { 1, 66, 86, 3 }, Options(Valid, 2, 2)));
        Assert.Contains("custom options must hold padding, stride_width and stride_height (12 bytes), got 8", Prepare(new[] { 1, 64, 84, 3 }, mlir[..8]));
        Assert.Contains("strides must be at least 1", Prepare(new[] { 1, 64, 84, 3 }, Options(Same, 0, 2)));
        Assert.Contains("unknown padding 9", Prepare(new[] { 1, 64, 84, 3 }, Options(9, 2, 2)));
        Assert.Contains("must be [3] (one per output channel)", Prepare(new[] { 1, 64, 84, 3 }, mlir, new[] { 4 }));
    }
}
