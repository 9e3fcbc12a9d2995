namespace TfLiteMicro.Kernels.Reference;

/// <summary>LOGISTIC (float32, int8, int16; TFLite's legacy uint8; same type in and out).</summary>
public sealed unsafe class Logistic : OpKernel
{
    public static readonly Logistic Kernel = new Logistic();

    public override Status Init(KernelContext context, ref Node node) => LogisticCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => LogisticCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        LogisticOpData* data = (LogisticOpData*)node.UserData;
        ref EvalTensor input = ref context.GetInput(ref node, LogisticCommon.InputTensor);
        ref EvalTensor output = ref context.GetOutput(ref node, LogisticCommon.OutputTensor);
        switch (input.Type)
        {
            case TensorType.Float32:
                LogisticMath.EvalFloat(input.AsReadOnlySpan<float>(), output.AsSpan<float>());
                return Status.Ok;
            case TensorType.Int8:
                LogisticMath.EvalInt8(input.AsReadOnlySpan<sbyte>(), output.AsSpan<sbyte>(), data->InputZeroPoint,
                    data->InputRangeRadius, data->InputMultiplier, data->InputLeftShift);
                return Status.Ok;
            case TensorType.Int16:
                LogisticMath.EvalInt16(input.AsReadOnlySpan<short>(), output.AsSpan<short>(), data->InputMultiplier, data->InputLeftShift);
                return Status.Ok;
            case TensorType.UInt8:
                LogisticUInt8.Eval(input.AsReadOnlySpan<byte>(), output.AsSpan<byte>(), new System.ReadOnlySpan<byte>(data->UInt8Table, LogisticUInt8.TableSize));
                return Status.Ok;
            default:
                return context.Errors.Fail(Status.Error, "unsupported input type "u8).Append(TensorTypes.Name(input.Type));
        }
    }
}
