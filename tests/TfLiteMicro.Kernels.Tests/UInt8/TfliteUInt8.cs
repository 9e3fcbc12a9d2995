using System;
using System.Linq;
using TfLiteMicro.Testing;

namespace TfLiteMicro.Kernels.Tests.UInt8;

/// <summary>
/// Quantization the way TFLite's kernel tests set it up (tensorflow/lite/kernels/test_util.h): a tensor given as a float
/// range [min, max] gets scale (max − min) / 255 and the nudged zero point; values are quantized as
/// clamp(round(zero_point + v / scale)) and dequantized as scale · (q − zero_point), all in float.
/// </summary>
internal sealed record TfliteUInt8(float Scale, int ZeroPoint)
{
    /// <summary>SingleOpModel::QuantizationParams&lt;uint8_t&gt;(min, max).</summary>
    public static TfliteUInt8 FromRange(float min, float max)
    {
        const float qmin = 0f, qmax = 255f;
        if (min == max) return new TfliteUInt8(0f, 0);
        float scale = (max - min) / (qmax - qmin);
        float fromMin = qmin - min / scale;
        float fromMax = qmax - max / scale;
        float fromMinError = MathF.Abs(qmin) + MathF.Abs(min / scale);
        float fromMaxError = MathF.Abs(qmax) + MathF.Abs(max / scale);
        float zeroPoint = fromMinError < fromMaxError ? fromMin : fromMax;
        int nudged = zeroPoint < qmin ? 0 : zeroPoint > qmax ? 255 : (int)MathF.Round(zeroPoint, MidpointRounding.AwayFromZero);
        return new TfliteUInt8(scale, nudged);
    }

    public byte[] Quantize(params float[] values) =>
        values.Select(v => (byte)Math.Clamp(MathF.Round(ZeroPoint + v / Scale, MidpointRounding.AwayFromZero), 0f, 255f)).ToArray();

    public float Dequantize(byte q) => Scale * (q - ZeroPoint);

    public float[] Dequantize(byte[] q) => q.Select(Dequantize).ToArray();

    /// <summary>The real value quantized with round-to-nearest (the "ideal" result a float reference gives).</summary>
    public int QuantizeIdeal(double value) => (int)Math.Clamp(Math.Round(value / Scale + ZeroPoint, MidpointRounding.AwayFromZero), 0, 255);

    public TestTensor Tensor(int[] shape, byte[]? data = null, bool isConstant = false) =>
        new TestTensor(TensorType.UInt8, shape, data, new[] { Scale }, new long[] { ZeroPoint }, isConstant: isConstant);

    /// <summary>An int32 bias at scale input scale × filter scale (float product), zero point 0, as TFLite's tests make it.</summary>
    public static TestTensor Bias(float scale, float[] values)
    {
        int[] quantized = values.Select(v => (int)MathF.Round(v / scale, MidpointRounding.AwayFromZero)).ToArray();
        return new TestTensor(TensorType.Int32, new[] { values.Length }, TfLiteModelBuilder.Bytes(quantized), new[] { scale }, new long[] { 0 }, isConstant: true);
    }
}
