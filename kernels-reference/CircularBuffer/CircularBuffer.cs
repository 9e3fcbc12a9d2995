namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// CIRCULAR_BUFFER (TFLM custom op for strided streaming models): every invocation shifts the int8 history in the
/// output by one slot and appends the input. The graph continues only every cycles_max-th invocation; the other
/// invocations return <see cref="CircularBufferCommon.Abort"/> so the interpreter stops the run there.
/// Like TFLM, the optional 'valid' output is checked but not written. <see cref="Reset"/> restarts the count
/// (TFLM keeps no Reset here; the count otherwise survives an interpreter reset).
/// </summary>
public sealed unsafe class CircularBuffer : OpKernel
{
    public static readonly CircularBuffer Kernel = new CircularBuffer();

    public override Status Init(KernelContext context, ref Node node) => CircularBufferCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => CircularBufferCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        CircularBufferOpData* data = (CircularBufferOpData*)node.UserData;
        ref EvalTensor input = ref context.GetInput(ref node, CircularBufferCommon.InputTensor);
        ref EvalTensor output = ref context.GetOutput(ref node, CircularBufferCommon.OutputTensor);
        // Like TFLM only the first batch moves: slots = dims[1], depth = dims[2] * dims[3].
        int depth = output.Dim(2) * output.Dim(3);
        CircularBufferMath.Push(input.AsReadOnlySpan<sbyte>().Slice(0, depth), output.AsSpan<sbyte>().Slice(0, output.Dim(1) * depth));
        if (--data->CyclesUntilRun != 0) return CircularBufferCommon.Abort;
        data->CyclesUntilRun = data->CyclesMax;
        return Status.Ok;
    }

    public override void Reset(KernelContext context, ref Node node)
    {
        CircularBufferOpData* data = (CircularBufferOpData*)node.UserData;
        if (data != null) data->CyclesUntilRun = data->CyclesMax;
    }
}
