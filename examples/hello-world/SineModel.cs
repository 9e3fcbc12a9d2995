using System;

namespace TfLiteMicro.Examples.HelloWorld;

/// <summary>
/// Feeds one x to the sine model and reads y back, quantizing and dequantizing with the tensors' own parameters
/// when the model is int8 (as TFLM's hello_world does).
/// </summary>
public static class SineModel
{
    public static bool TryPredict(MicroInterpreter interpreter, float x, out float y)
    {
        TensorInfo input = interpreter.Input(0);
        if (input.Type == TensorType.Int8)
        {
            QuantizationInfo q = input.Quantization;
            int quantized = (int)MathF.Round(x / q.Scale) + q.ZeroPoint;
            input.DataAs<sbyte>()[0] = (sbyte)Math.Clamp(quantized, sbyte.MinValue, sbyte.MaxValue);
        }
        else
        {
            input.DataAs<float>()[0] = x;
        }

        y = 0;
        if (interpreter.Invoke() != Status.Ok) return false;

        TensorInfo output = interpreter.Output(0);
        y = output.Type == TensorType.Int8
            ? (output.DataAs<sbyte>()[0] - output.Quantization.ZeroPoint) * output.Quantization.Scale
            : output.DataAs<float>()[0];
        return true;
    }
}
