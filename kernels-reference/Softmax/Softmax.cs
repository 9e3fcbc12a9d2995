using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>SOFTMAX (float32; int8 → int8 or int16; int16 → int16; TFLite's legacy uint8 → uint8) over the last dimension, with the beta option.</summary>
public sealed unsafe class Softmax : OpKernel
{
    public static readonly Softmax Kernel = new Softmax();

    public override Status Init(KernelContext context, ref Node node) => SoftmaxCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => SoftmaxCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        SoftmaxOpData* data = (SoftmaxOpData*)node.UserData;
        ref EvalTensor input = ref context.GetInput(ref node, SoftmaxCommon.InputTensor);
        ref EvalTensor output = ref context.GetOutput(ref node, SoftmaxCommon.OutputTensor);
        int depth = input.Dim(input.Rank - 1);
        switch (input.Type)
        {
            case TensorType.Float32:
                SoftmaxMath.EvalFloat(input.AsReadOnlySpan<float>(), output.AsSpan<float>(), depth, data->Beta);
                return Status.Ok;
            case TensorType.Int8:
                if (output.Type == TensorType.Int16)
                    SoftmaxMath.EvalInt8(input.AsReadOnlySpan<sbyte>(), default, output.AsSpan<short>(), depth,
                        data->InputMultiplier, data->InputLeftShift, data->DiffMin);
                else
                    SoftmaxMath.EvalInt8(input.AsReadOnlySpan<sbyte>(), output.AsSpan<sbyte>(), default, depth,
                        data->InputMultiplier, data->InputLeftShift, data->DiffMin);
                return Status.Ok;
            case TensorType.Int16:
                SoftmaxMath.EvalInt16(input.AsReadOnlySpan<short>(), output.AsSpan<short>(), depth,
                    data->InputMultiplier, data->InputLeftShift,
                    new ReadOnlySpan<short>(data->ExpTable, Int16LookupTable.Size),
                    new ReadOnlySpan<short>(data->OneOverOnePlusXTable, Int16LookupTable.Size));
                return Status.Ok;
            case TensorType.UInt8:
                SoftmaxUInt8.Eval(input.AsReadOnlySpan<byte>(), output.AsSpan<byte>(), depth,
                    new ReadOnlySpan<float>(data->UInt8ExpTable, SoftmaxUInt8.TableSize), data->UInt8OutputScale);
                return Status.Ok;
            default:
                return context.Errors.Fail(Status.Error, "unsupported input type "u8).Append(TensorTypes.Name(input.Type));
        }
    }
}
