namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// Init and Prepare of MAXIMUM and MINIMUM, shared with ports. TFLM has no Prepare for these ops; here Prepare
/// checks the types and shapes once and keeps the broadcast walk (a <see cref="BroadcastShape"/>) as the node's
/// data.
/// </summary>
public static unsafe class MaximumMinimumCommon
{
    public static Status Init(KernelContext context, ref Node node)
    {
        void* data = context.AllocatePersistentBuffer(sizeof(BroadcastShape));
        if (data == null) return context.Errors.LastStatus;
        *(BroadcastShape*)data = default;
        node.UserData = data;
        return Status.Ok;
    }

    public static Status Prepare(KernelContext context, ref Node node)
    {
        BroadcastShape* shape = (BroadcastShape*)node.UserData;
        Status status = BroadcastBinaryOpPrepare.CreateShape(context, ref node, out *shape);
        if (status != Status.Ok) return status;
        TensorInfo input1 = context.GetInputInfo(ref node, BroadcastBinaryOpPrepare.Input1Tensor);
        TensorInfo input2 = context.GetInputInfo(ref node, BroadcastBinaryOpPrepare.Input2Tensor);
        TensorInfo output = context.GetOutputInfo(ref node, BroadcastBinaryOpPrepare.OutputTensor);
        status = BroadcastBinaryOpPrepare.ExpectSameType(context, input1, input2, output);
        if (status != Status.Ok) return status;
        switch (output.Type)
        {
            case TensorType.Float32:
            case TensorType.Int8:
            case TensorType.Int16:
            case TensorType.Int32:
            case TensorType.Int64:
                return Status.Ok;
            default:
                return context.UnsupportedType(output, "output"u8);
        }
    }

    /// <summary>Runs MAXIMUM (<paramref name="maximum"/>) or MINIMUM on the node's tensors.</summary>
    public static Status Invoke(KernelContext context, ref Node node, bool maximum)
    {
        BroadcastShape* shape = (BroadcastShape*)node.UserData;
        ref EvalTensor input1 = ref context.GetInput(ref node, BroadcastBinaryOpPrepare.Input1Tensor);
        ref EvalTensor input2 = ref context.GetInput(ref node, BroadcastBinaryOpPrepare.Input2Tensor);
        ref EvalTensor output = ref context.GetOutput(ref node, BroadcastBinaryOpPrepare.OutputTensor);
        switch (output.Type)
        {
            case TensorType.Float32:
                MaximumMinimumMath.Float(in *shape, maximum, input1.AsReadOnlySpan<float>(), input2.AsReadOnlySpan<float>(), output.AsSpan<float>());
                return Status.Ok;
            case TensorType.Int8:
                MaximumMinimumMath.Int8(in *shape, maximum, input1.AsReadOnlySpan<sbyte>(), input2.AsReadOnlySpan<sbyte>(), output.AsSpan<sbyte>());
                return Status.Ok;
            case TensorType.Int16:
                MaximumMinimumMath.Int16(in *shape, maximum, input1.AsReadOnlySpan<short>(), input2.AsReadOnlySpan<short>(), output.AsSpan<short>());
                return Status.Ok;
            case TensorType.Int32:
                MaximumMinimumMath.Int32(in *shape, maximum, input1.AsReadOnlySpan<int>(), input2.AsReadOnlySpan<int>(), output.AsSpan<int>());
                return Status.Ok;
            case TensorType.Int64:
                MaximumMinimumMath.Int64(in *shape, maximum, input1.AsReadOnlySpan<long>(), input2.AsReadOnlySpan<long>(), output.AsSpan<long>());
                return Status.Ok;
            default:
                return context.Errors.Fail(Status.Error, "unsupported output type "u8).Append(TensorTypes.Name(output.Type));
        }
    }
}
