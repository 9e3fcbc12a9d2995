using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// DENSIFY: expands a constant tensor stored in TFLite's sparse format into its dense form (TFLite's densify.cc and
/// FormatConverter; TFLM has no DENSIFY). TFLite densifies once into a persistent tensor; here the output is an
/// ordinary arena tensor, so the walk runs at every Invoke (it touches each dense element once).
/// </summary>
public sealed unsafe class Densify : OpKernel
{
    public static readonly Densify Kernel = new Densify();

    public override Status Prepare(KernelContext context, ref Node node) => DensifyCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        DensifyOpData* data = (DensifyOpData*)node.UserData;
        ref EvalTensor input = ref context.GetInput(ref node, DensifyCommon.InputTensor);
        ref EvalTensor output = ref context.GetOutput(ref node, DensifyCommon.OutputTensor);
        var levels = new ReadOnlySpan<DensifyLevel>(data->Levels, data->LevelCount);
        switch (input.Type)
        {
            case TensorType.Float32:
                DensifyMath.Densify(levels, new ReadOnlySpan<float>(input.Data, data->ValueCount), output.AsSpan<float>());
                break;
            case TensorType.Float16:
                DensifyMath.Densify(levels, new ReadOnlySpan<ushort>(input.Data, data->ValueCount), output.AsSpan<ushort>());
                break;
            default:
                DensifyMath.Densify(levels, new ReadOnlySpan<sbyte>(input.Data, data->ValueCount), output.AsSpan<sbyte>());
                break;
        }
        return Status.Ok;
    }
}
