using System;
using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// SOFTMAX's Init and Prepare, shared with ports (TFLM's softmax_common.cc): checks the type pairs and the
/// output quantization TFLM insists on, and precomputes the input scaling (and, for int16, the two tables).
/// </summary>
public static unsafe class SoftmaxCommon
{
    public const int InputTensor = 0;
    public const int OutputTensor = 0;

    /// <summary>Integer bits of the scaled input differences fed to the fixed-point exp (Q5.26).</summary>
    public const int ScaledDiffIntegerBits = 5;

    public static Status Init(KernelContext context, ref Node node)
    {
        void* data = context.AllocatePersistentBuffer(sizeof(SoftmaxOpData));
        if (data == null) return context.Errors.LastStatus;
        *(SoftmaxOpData*)data = default;
        node.UserData = data;
        return Status.Ok;
    }

    public static Status Prepare(KernelContext context, ref Node node)
    {
        SoftmaxOpData* data = (SoftmaxOpData*)node.UserData;
        ErrorReporter errors = context.Errors;
        if (node.InputCount != 1 || node.OutputCount != 1)
            return errors.Fail(Status.Error, "expects 1 input and 1 output, got "u8).Append(node.InputCount)
                .Append(" inputs and "u8).Append(node.OutputCount).Append(" outputs"u8);
        TensorInfo input = context.GetInputInfo(ref node, InputTensor);
        TensorInfo output = context.GetOutputInfo(ref node, OutputTensor);
        if (input.Rank < 1)
            return errors.Fail(Status.Error, "input tensor "u8).Append(input.Index).Append(" must have at least one dimension"u8);
        if (input.Dim(input.Rank - 1) < 1)
            return errors.Fail(Status.Error, "input tensor "u8).Append(input.Index).Append(" has an empty last dimension (the rows to normalize)"u8);
        if (output.ElementCount != input.ElementCount || output.Rank < 1
            || output.Dim(output.Rank - 1) != input.Dim(input.Rank - 1))
            return errors.Fail(Status.Error, "output tensor "u8).Append(output.Index)
                .Append(" must have the input's element count and last dimension"u8);
        float beta = new SoftmaxOptions(node.BuiltinOptions).Beta;

        if (input.Type == TensorType.Float32)
        {
            Status status = context.ExpectType(output, TensorType.Float32, "output"u8);
            if (status != Status.Ok) return status;
            data->Beta = beta;
            return Status.Ok;
        }
        if (input.Type == TensorType.Int8)
        {
            if (output.Type == TensorType.Int16)
            {
                // Output real range [0, 1) over the whole int16 range: zero point -32768, scale 1/65536.
                if (output.Quantization.ZeroPoint != -32768)
                    return FailZeroPoint(errors, output, -32768);
                if (!IsNear(output.Quantization.Scale, 1f / 65536, 0.001f * 1f / 65536))
                    return FailScale(errors, output, "1/65536"u8);
            }
            else if (output.Type == TensorType.Int8)
            {
                if (output.Quantization.ZeroPoint != -128) return FailZeroPoint(errors, output, -128);
                if (output.Quantization.Scale != 1f / 256) return FailScale(errors, output, "exactly 1/256"u8);
            }
            else
            {
                return context.UnsupportedType(output, "output"u8);
            }
            if (!QuantizationMath.PreprocessSoftmaxScaling(SoftDouble.FromFloat(beta), SoftDouble.FromFloat(input.Quantization.Scale),
                    ScaledDiffIntegerBits, out data->InputMultiplier, out data->InputLeftShift))
                return errors.Fail(Status.Error, "beta ("u8).Append(beta).Append(") times input scale ("u8)
                    .Append(input.Quantization.Scale).Append(") must be positive and finite"u8);
            data->DiffMin = -QuantizationMath.CalculateInputRadius(ScaledDiffIntegerBits, data->InputLeftShift);
            return Status.Ok;
        }
        if (input.Type == TensorType.UInt8) return SoftmaxUInt8.Prepare(context, data, input, output, beta);
        if (input.Type == TensorType.Int16)
        {
            Status status = context.ExpectType(output, TensorType.Int16, "output"u8);
            if (status != Status.Ok) return status;
            if (input.Quantization.ZeroPoint != 0) return FailZeroPoint(errors, input, 0);
            if (output.Quantization.ZeroPoint != 0) return FailZeroPoint(errors, output, 0);
            if (!IsNear(output.Quantization.Scale, 1f / 32768, 0.001f * 1f / 32768))
                return FailScale(errors, output, "1/32768"u8);
            return PrepareInt16(context, data, input.Quantization.Scale, beta);
        }
        return context.UnsupportedType(input, "input"u8);
    }

    /// <summary>
    /// int16: the two interpolated tables (exp on [-10, 0], 1/(1+x) on [0, 1], output in Q0.15) and the
    /// multiplier that maps input differences onto the exp table's range: [-65535, 0] ↔ [-10, 0].
    /// </summary>
    private static Status PrepareInt16(KernelContext context, SoftmaxOpData* data, float inputScale, float beta)
    {
        data->ExpTable = (short*)context.AllocatePersistentBuffer(Int16LookupTable.Size * sizeof(short));
        data->OneOverOnePlusXTable = (short*)context.AllocatePersistentBuffer(Int16LookupTable.Size * sizeof(short));
        if (data->ExpTable == null || data->OneOverOnePlusXTable == null) return context.Errors.LastStatus;

        const int range = short.MaxValue - short.MinValue;
        Int16LookupTable.Populate(new ExpFunction(), 10.0f / range, short.MaxValue, 2.0f / range, 0,
            new System.Span<short>(data->ExpTable, Int16LookupTable.Size));
        Int16LookupTable.Populate(new OneOverOnePlusXFunction(), 1.0f / range, short.MinValue, 2.0f / range, 0,
            new System.Span<short>(data->OneOverOnePlusXTable, Int16LookupTable.Size));

        // (double)input_scale * (double)beta / (10.0 / 65535.0), left to right in double.
        SoftDouble tableStep = SoftDouble.FromInt32(10) / SoftDouble.FromInt32(65535);
        SoftDouble rescale = SoftDouble.FromFloat(inputScale) * SoftDouble.FromFloat(beta) / tableStep;
        if (!QuantizationMath.QuantizeMultiplier(rescale, out data->InputMultiplier, out data->InputLeftShift))
            return context.Errors.Fail(Status.Error, "input scale times beta is not a finite number"u8);
        return Status.Ok;
    }

    // TF_LITE_ENSURE_NEAR: |a - b| <= epsilon, in float.
    private static bool IsNear(float value, float expected, float epsilon)
    {
        float difference = value - expected;
        if (difference < 0) difference = -difference;
        return difference <= epsilon;
    }

    private static Status FailZeroPoint(ErrorReporter errors, TensorInfo tensor, int expected) =>
        errors.Fail(Status.Error, "tensor "u8).Append(tensor.Index).Append(" has zero point "u8).Append(tensor.Quantization.ZeroPoint)
            .Append(", SOFTMAX needs "u8).Append(expected);

    private static Status FailScale(ErrorReporter errors, TensorInfo tensor, ReadOnlySpan<byte> expected) =>
        errors.Fail(Status.Error, "output tensor "u8).Append(tensor.Index).Append(" has scale "u8).Append(tensor.Quantization.Scale)
            .Append(", SOFTMAX needs "u8).Append(expected);
}
