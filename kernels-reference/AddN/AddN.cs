using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>ADD_N: the elementwise sum of two or more same-shaped tensors (float32, int8).</summary>
public sealed unsafe class AddN : OpKernel
{
    public static readonly AddN Kernel = new AddN();

    public override Status Init(KernelContext context, ref Node node) => AddNCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => AddNCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        AddNOpData* data = (AddNOpData*)node.UserData;
        int inputCount = node.InputCount;
        Span<IntPtr> inputs = new Span<IntPtr>(context.GetScratchBuffer(data->ScratchIndex), inputCount);
        for (int i = 0; i < inputCount; i++) inputs[i] = (IntPtr)context.GetInput(ref node, i).Data;
        ref EvalTensor output = ref context.GetOutput(ref node, AddNCommon.OutputTensor);
        int count = output.ElementCount;
        switch (output.Type)
        {
            case TensorType.Float32:
                AddNMath.AddNFloat(inputs, count, output.AsSpan<float>());
                return Status.Ok;
            case TensorType.Int8:
                AddNMath.AddNInt8(in *data, inputs, count, output.AsSpan<sbyte>());
                return Status.Ok;
            default:
                return context.Errors.Fail(Status.Error, "unsupported output type "u8).Append(TensorTypes.Name(output.Type));
        }
    }
}
