using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>CAST between int8, int16, int32, uint32, float32, float16 (and from bool), element by element.</summary>
public sealed unsafe class Cast : OpKernel
{
    public static readonly Cast Kernel = new Cast();

    public override Status Prepare(KernelContext context, ref Node node) => CastCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        ref EvalTensor input = ref context.GetInput(ref node, CastCommon.InputTensor);
        ref EvalTensor output = ref context.GetOutput(ref node, CastCommon.OutputTensor);
        int count = input.ElementCount;
        CastMath.Convert(new System.ReadOnlySpan<byte>(input.Data, input.ByteCount), input.Type,
            new System.Span<byte>(output.Data, output.ByteCount), output.Type, count);
        return Status.Ok;
    }
}
