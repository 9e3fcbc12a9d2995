namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// CAST's Prepare (TFLM's cast.cc): checks the pair of types is one TFLM converts. Inputs int8, int16, int32,
/// uint32, float32 and bool; outputs int8, int16, int32, uint32 and float32; plus float16 both ways as TFLite's
/// cast.cc converts it. TFLM only notices an unsupported pair at Invoke (and then logs and carries on); here Prepare
/// refuses it.
/// </summary>
public static class CastCommon
{
    public const int InputTensor = 0;
    public const int OutputTensor = 0;

    public static Status Prepare(KernelContext context, ref Node node)
    {
        ErrorReporter errors = context.Errors;
        if (node.InputCount != 1 || node.OutputCount != 1)
            return errors.Fail(Status.Error, "expects 1 input and 1 output, got "u8).Append(node.InputCount)
                .Append(" inputs and "u8).Append(node.OutputCount).Append(" outputs"u8);
        TensorInfo input = context.GetInputInfo(ref node, InputTensor);
        TensorInfo output = context.GetOutputInfo(ref node, OutputTensor);
        if (!IsSupportedInput(input.Type)) return context.UnsupportedType(input, "input"u8);
        if (!IsSupportedOutput(output.Type)) return context.UnsupportedType(output, "output"u8);
        if (output.ElementCount != input.ElementCount)
            return errors.Fail(Status.Error, "output tensor "u8).Append(output.Index).Append(" has "u8).Append(output.ElementCount)
                .Append(" elements, input has "u8).Append(input.ElementCount);
        return Status.Ok;
    }

    public static bool IsSupportedInput(TensorType type) =>
        IsSupportedOutput(type) || type == TensorType.Bool;

    public static bool IsSupportedOutput(TensorType type) =>
        type == TensorType.Int8 || type == TensorType.Int16 || type == TensorType.Int32
        || type == TensorType.UInt32 || type == TensorType.Float32 || type == TensorType.Float16;
}
