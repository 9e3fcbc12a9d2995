using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// CONCATENATION Init and Prepare (TFLM's concatenation.cc): every input has the output's type and rank and the
/// same dimensions except along the axis (negative axes count from the end), no fused activation. Like TFLM, int8
/// inputs are not rescaled to the output's quantization; the values are copied as they are.
/// </summary>
public static unsafe class ConcatenationCommon
{
    public const int OutputTensor = 0;

    public static Status Init(KernelContext context, ref Node node)
    {
        void* data = context.AllocatePersistentBuffer(sizeof(ConcatenationOpData));
        if (data == null) return context.Errors.LastStatus;
        *(ConcatenationOpData*)data = default;
        node.UserData = data;
        return Status.Ok;
    }

    public static Status Prepare(KernelContext context, ref Node node)
    {
        ConcatenationOpData* data = (ConcatenationOpData*)node.UserData;
        ErrorReporter errors = context.Errors;
        if (node.InputCount < 1 || node.OutputCount != 1)
            return errors.Fail(Status.Error, "expects at least 1 input and 1 output, got "u8).Append(node.InputCount)
                .Append(" inputs and "u8).Append(node.OutputCount).Append(" outputs"u8);
        ConcatenationOptions options = new ConcatenationOptions(node.BuiltinOptions);
        if (options.FusedActivationFunction != ActivationFunctionType.NONE)
            return errors.Fail(Status.Error, "fused activation "u8).Append((int)options.FusedActivationFunction).Append(" is not supported"u8);
        TensorInfo output = context.GetOutputInfo(ref node, OutputTensor);
        switch (output.Type)
        {
            case TensorType.Float32:
            case TensorType.Int8:
            case TensorType.Int16:
            case TensorType.Int32:
            case TensorType.Int64:
            case TensorType.Bool:
            case TensorType.UInt8:
                break;
            default:
                return context.UnsupportedType(output, "output"u8);
        }
        int rank = output.Rank;
        int axis = options.Axis < 0 ? options.Axis + rank : options.Axis;
        if (axis < 0 || axis >= rank)
            return errors.Fail(Status.Error, "axis "u8).Append(options.Axis).Append(" is outside the output's "u8).Append(rank)
                .Append(" dimensions"u8);
        data->Axis = axis;

        int axisTotal = 0;
        for (int i = 0; i < node.InputCount; i++)
        {
            TensorInfo input = context.GetInputInfo(ref node, i);
            Status status = context.ExpectType(input, output.Type, "input"u8);
            if (status != Status.Ok) return status;
            if (input.Rank != rank)
                return errors.Fail(Status.Error, "input tensor "u8).Append(input.Index).Append(" has rank "u8).Append(input.Rank)
                    .Append(", output rank is "u8).Append(rank);
            for (int d = 0; d < rank; d++)
            {
                if (d != axis && input.Dim(d) != output.Dim(d))
                    return errors.Fail(Status.Error, "input tensor "u8).Append(input.Index).Append(" dimension "u8).Append(d).Append(" is "u8)
                        .Append(input.Dim(d)).Append(", output has "u8).Append(output.Dim(d));
            }
            axisTotal += input.Dim(axis);
        }
        if (axisTotal != output.Dim(axis))
            return errors.Fail(Status.Error, "inputs add up to "u8).Append(axisTotal).Append(" along axis "u8).Append(axis)
                .Append(", output tensor "u8).Append(output.Index).Append(" has "u8).Append(output.Dim(axis));
        data->UInt8Inputs = null;
        if (output.Type == TensorType.UInt8)
        {
            Status uint8Status = ConcatenationUInt8.Prepare(context, ref node, data, output);
            if (uint8Status != Status.Ok) return uint8Status;
        }
        return RequestDecompression(context, ref node, data);
    }

    /// <summary>
    /// LUT-compressed (constant) inputs are decompressed into one scratch buffer each at Invoke, as in TFLM; the
    /// per-input scratch indices are kept only when some input is compressed.
    /// </summary>
    private static Status RequestDecompression(KernelContext context, ref Node node, ConcatenationOpData* data)
    {
        data->DecompressionIndices = null;
        bool anyCompressed = false;
        for (int i = 0; i < node.InputCount; i++) anyCompressed |= context.IsCompressed(node.InputIndex(i));
        if (!anyCompressed) return Status.Ok;
        data->DecompressionIndices = (int*)context.AllocatePersistentBuffer((long)node.InputCount * sizeof(int));
        if (data->DecompressionIndices == null) return context.Errors.LastStatus;
        for (int i = 0; i < node.InputCount; i++)
        {
            Status status = context.RequestDecompressionScratch(ref node, i, out data->DecompressionIndices[i]);
            if (status != Status.Ok) return status;
        }
        return Status.Ok;
    }
}
