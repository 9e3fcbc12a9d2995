using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>How one legacy uint8 input is brought to the output's quantization (see <see cref="ConcatenationUInt8"/>).</summary>
public struct ConcatenationUInt8Input
{
    /// <summary>Input scale × (1 / output scale), in float.</summary>
    public float Scale;

    /// <summary>−input zero point × <see cref="Scale"/>, in float.</summary>
    public float Bias;

    /// <summary>1 when scale and zero point equal the output's: the values are copied unchanged.</summary>
    public int Copy;
}

/// <summary>
/// CONCATENATION with legacy uint8 quantization (TFLite's reference_ops::ConcatenationWithScaling; TFLM copies int8
/// as it is and has no uint8): an input quantized like the output is copied, any other is requantized element by
/// element in float, (int)roundf(q · scale + bias) + output zero point, clamped to [0, 255].
/// </summary>
public static unsafe class ConcatenationUInt8
{
    public static Status Prepare(KernelContext context, ref Node node, ConcatenationOpData* data, TensorInfo output)
    {
        if (!output.Quantization.HasQuantization)
            return context.Errors.Fail(Status.Error, "uint8 CONCATENATION needs quantization parameters on output tensor "u8).Append(output.Index);
        data->UInt8Inputs = (ConcatenationUInt8Input*)context.AllocatePersistentBuffer(node.InputCount * sizeof(ConcatenationUInt8Input));
        if (data->UInt8Inputs == null) return context.Errors.LastStatus;
        float outputScale = output.Quantization.Scale;
        int outputZeroPoint = output.Quantization.ZeroPoint;
        data->UInt8OutputZeroPoint = outputZeroPoint;
        float inverseOutputScale = 1f / outputScale;
        for (int i = 0; i < node.InputCount; i++)
        {
            TensorInfo input = context.GetInputInfo(ref node, i);
            if (!input.Quantization.HasQuantization)
                return context.Errors.Fail(Status.Error, "uint8 CONCATENATION needs quantization parameters on input tensor "u8).Append(input.Index);
            float inputScale = input.Quantization.Scale;
            int inputZeroPoint = input.Quantization.ZeroPoint;
            ConcatenationUInt8Input* entry = &data->UInt8Inputs[i];
            entry->Copy = inputZeroPoint == outputZeroPoint && inputScale == outputScale ? 1 : 0;
            entry->Scale = inputScale * inverseOutputScale;
            entry->Bias = -inputZeroPoint * entry->Scale;
        }
        return Status.Ok;
    }

    /// <summary>One input's slabs into their place in the output (as <see cref="ConcatenationMath.CopyInput{T}"/>), requantized.</summary>
    public static void CopyInput(ReadOnlySpan<byte> input, Span<byte> output, int outerCount, int inputSlab, int outputSlab,
        int outputOffset, in ConcatenationUInt8Input rescale, int outputZeroPoint)
    {
        if (rescale.Copy != 0)
        {
            ConcatenationMath.CopyInput(input, output, outerCount, inputSlab, outputSlab, outputOffset);
            return;
        }
        for (int k = 0; k < outerCount; k++)
        {
            ReadOnlySpan<byte> source = input.Slice(k * inputSlab, inputSlab);
            Span<byte> target = output.Slice(outputOffset + k * outputSlab, inputSlab);
            for (int j = 0; j < source.Length; j++)
            {
                float rounded = QuantizationMath.RoundHalfAwayFromZero(source[j] * rescale.Scale + rescale.Bias);
                int value = unchecked((int)rounded + outputZeroPoint);
                target[j] = (byte)ActivationMath.Clamp(value, 0, 255);
            }
        }
    }
}
