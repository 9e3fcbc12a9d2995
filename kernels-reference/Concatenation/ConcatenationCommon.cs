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
            return errors.Fail(Status.Error, "expects at least 1 input and 1 output, got ").Append(node.InputCount)
                .Append(" inputs and ").Append(node.OutputCount).Append(" outputs");
        ConcatenationOptions options = new ConcatenationOptions(node.BuiltinOptions);
        if (options.FusedActivationFunction != ActivationFunctionType.NONE)
            return errors.Fail(Status.Error, "fused activation ").Append((int)options.FusedActivationFunction).Append(" is not supported");
        TensorInfo output = context.GetOutputInfo(ref node, OutputTensor);
        switch (output.Type)
        {
            case TensorType.Float32:
            case TensorType.Int8:
            case TensorType.Int16:
            case TensorType.Int32:
            case TensorType.Int64:
            case TensorType.Bool:
                break;
            default:
                return context.UnsupportedType(output, "output");
        }
        int rank = output.Rank;
        int axis = options.Axis < 0 ? options.Axis + rank : options.Axis;
        if (axis < 0 || axis >= rank)
            return errors.Fail(Status.Error, "axis ").Append(options.Axis).Append(" is outside the output's ").Append(rank)
                .Append(" dimensions");
        data->Axis = axis;

        int axisTotal = 0;
        for (int i = 0; i < node.InputCount; i++)
        {
            TensorInfo input = context.GetInputInfo(ref node, i);
            Status status = context.ExpectType(input, output.Type, "input");
            if (status != Status.Ok) return status;
            if (input.Rank != rank)
                return errors.Fail(Status.Error, "input tensor ").Append(input.Index).Append(" has rank ").Append(input.Rank)
                    .Append(", output rank is ").Append(rank);
            for (int d = 0; d < rank; d++)
            {
                if (d != axis && input.Dim(d) != output.Dim(d))
                    return errors.Fail(Status.Error, "input tensor ").Append(input.Index).Append(" dimension ").Append(d).Append(" is ")
                        .Append(input.Dim(d)).Append(", output has ").Append(output.Dim(d));
            }
            axisTotal += input.Dim(axis);
        }
        if (axisTotal != output.Dim(axis))
            return errors.Fail(Status.Error, "inputs add up to ").Append(axisTotal).Append(" along axis ").Append(axis)
                .Append(", output tensor ").Append(output.Index).Append(" has ").Append(output.Dim(axis));
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
        data->DecompressionIndices = (int*)context.AllocatePersistentBuffer(node.InputCount * sizeof(int));
        if (data->DecompressionIndices == null) return context.Errors.LastStatus;
        for (int i = 0; i < node.InputCount; i++)
        {
            Status status = context.RequestDecompressionScratch(ref node, i, out data->DecompressionIndices[i]);
            if (status != Status.Ok) return status;
        }
        return Status.Ok;
    }
}
