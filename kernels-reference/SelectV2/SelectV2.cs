using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>SELECT_V2: condition ? x : y with three-way broadcasting (float32, int8, int16 values).</summary>
public sealed unsafe class SelectV2 : OpKernel
{
    public static readonly SelectV2 Kernel = new SelectV2();

    public override Status Init(KernelContext context, ref Node node) => SelectV2Common.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => SelectV2Common.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        SelectV2OpData* data = (SelectV2OpData*)node.UserData;
        ref EvalTensor condition = ref context.GetInput(ref node, SelectV2Common.ConditionTensor);
        ref EvalTensor x = ref context.GetInput(ref node, SelectV2Common.XTensor);
        ref EvalTensor y = ref context.GetInput(ref node, SelectV2Common.YTensor);
        ref EvalTensor output = ref context.GetOutput(ref node, SelectV2Common.OutputTensor);
        switch (output.Type)
        {
            case TensorType.Float32:
                // Copied as raw 32-bit patterns: a selection never does float arithmetic.
                SelectV2Math.Select(in *data, condition.AsReadOnlySpan<byte>(), x.AsReadOnlySpan<uint>(), y.AsReadOnlySpan<uint>(), output.AsSpan<uint>());
                return Status.Ok;
            case TensorType.Int16:
                SelectV2Math.Select(in *data, condition.AsReadOnlySpan<byte>(), x.AsReadOnlySpan<short>(), y.AsReadOnlySpan<short>(), output.AsSpan<short>());
                return Status.Ok;
            case TensorType.Int8:
                SelectV2Math.Select(in *data, condition.AsReadOnlySpan<byte>(), x.AsReadOnlySpan<sbyte>(), y.AsReadOnlySpan<sbyte>(), output.AsSpan<sbyte>());
                return Status.Ok;
            default:
                return context.Errors.Fail(Status.Error, "unsupported output type "u8).Append(TensorTypes.Name(output.Type));
        }
    }
}
