using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// LOGISTIC with legacy uint8 input and output, as TFLite's kernel runs it for its reference and optimized builds
/// (activations.cc: PopulateLookupTable at Prepare, EvalUsingLookupTable at Eval; TFLM has no uint8). The output scale
/// must be exactly 1/256. For each of the 256 inputs: x = input scale · (q − zero point), y = 1 / (1 + expf(−x)) in float,
/// stored as (int)(roundf(y · (1 / output scale)) + output zero point) clamped to [0, 255].
/// </summary>
public static unsafe class LogisticUInt8
{
    public const int TableSize = 256;

    public static Status Prepare(KernelContext context, LogisticOpData* data, TensorInfo input, TensorInfo output)
    {
        if (!input.Quantization.HasQuantization || !output.Quantization.HasQuantization)
            return context.Errors.Fail(Status.Error, "uint8 LOGISTIC needs quantization parameters on input tensor "u8).Append(input.Index)
                .Append(" and output tensor "u8).Append(output.Index);
        if (output.Quantization.Scale != 1f / 256)
            return context.Errors.Fail(Status.Error, "output tensor "u8).Append(output.Index).Append(" has scale "u8)
                .Append(output.Quantization.Scale).Append(", uint8 LOGISTIC needs exactly 1/256"u8);
        data->UInt8Table = (byte*)context.AllocatePersistentBuffer(TableSize);
        if (data->UInt8Table == null) return context.Errors.LastStatus;
        PopulateTable(input.Quantization.Scale, input.Quantization.ZeroPoint, output.Quantization.Scale, output.Quantization.ZeroPoint,
            new Span<byte>(data->UInt8Table, TableSize));
        return Status.Ok;
    }

    public static void PopulateTable(float inputScale, int inputZeroPoint, float outputScale, int outputZeroPoint, Span<byte> table)
    {
        float inverseScale = 1f / outputScale;
        for (int q = 0; q < TableSize; q++)
        {
            float x = inputScale * (q - inputZeroPoint);
            float y = 1f / (1f + ExpMath.ExpCorrectlyRounded(-x));
            float rescaled = QuantizationMath.RoundHalfAwayFromZero(y * inverseScale);
            int quantized = (int)(rescaled + outputZeroPoint);
            table[q] = (byte)ActivationMath.Clamp(quantized, 0, 255);
        }
    }

    public static void Eval(ReadOnlySpan<byte> input, Span<byte> output, ReadOnlySpan<byte> table)
    {
        for (int i = 0; i < input.Length; i++) output[i] = table[input[i]];
    }
}
