using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// PAD and PADV2 (float32, int8, int16, int32). The pad value is the PADV2 constant when given; otherwise 0, which
/// for int8 is the output zero point (TFLM pads int16 with 0: int16 tensors are symmetric).
/// </summary>
public sealed unsafe class Pad : OpKernel
{
    public static readonly Pad Kernel = new Pad();

    public override Status Init(KernelContext context, ref Node node) => PadCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => PadCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        PadOpData* data = (PadOpData*)node.UserData;
        ref EvalTensor input = ref context.GetInput(ref node, PadCommon.InputTensor);
        ref EvalTensor output = ref context.GetOutput(ref node, PadCommon.OutputTensor);
        bool hasConstant = KernelContext.HasInput(ref node, PadCommon.ConstantValuesTensor);
        void* constant = hasConstant ? context.GetInput(ref node, PadCommon.ConstantValuesTensor).Data : null;
        ReadOnlySpan<int> left = new ReadOnlySpan<int>(data->LeftPadding, PadOpData.MaxDimensions);

        switch (input.Type)
        {
            case TensorType.Float32:
                PadMath.Pad(input.AsReadOnlySpan<float>(), input.Shape, output.AsSpan<float>(), output.Shape, left,
                    constant != null ? *(float*)constant : 0f);
                return Status.Ok;
            case TensorType.Int8:
                PadMath.Pad(input.AsReadOnlySpan<sbyte>(), input.Shape, output.AsSpan<sbyte>(), output.Shape, left,
                    constant != null ? *(sbyte*)constant : (sbyte)data->OutputZeroPoint);
                return Status.Ok;
            case TensorType.Int16:
                PadMath.Pad(input.AsReadOnlySpan<short>(), input.Shape, output.AsSpan<short>(), output.Shape, left,
                    constant != null ? *(short*)constant : (short)0);
                return Status.Ok;
            case TensorType.Int32:
                PadMath.Pad(input.AsReadOnlySpan<int>(), input.Shape, output.AsSpan<int>(), output.Shape, left,
                    constant != null ? *(int*)constant : 0);
                return Status.Ok;
            default:
                return context.Errors.Fail(Status.Error, "unsupported input type "u8).Append(TensorTypes.Name(input.Type));
        }
    }
}
