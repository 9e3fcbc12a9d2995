using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// RSQRT: float32 (1 / sqrt(x)) and int8 with TFLM's fixed-point inverse square root. An int8 input below the
/// zero point (a negative real value) fails the invocation, as in TFLM.
/// </summary>
public sealed unsafe class Rsqrt : OpKernel
{
    public static readonly Rsqrt Kernel = new Rsqrt();

    public override Status Init(KernelContext context, ref Node node) => AbsRsqrtCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => AbsRsqrtCommon.PrepareRsqrt(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        AbsRsqrtOpData* data = (AbsRsqrtOpData*)node.UserData;
        ref EvalTensor input = ref context.GetInput(ref node, UnaryOpPrepare.InputTensor);
        ref EvalTensor output = ref context.GetOutput(ref node, UnaryOpPrepare.OutputTensor);
        switch (input.Type)
        {
            case TensorType.Float32:
                UnaryMath.Rsqrt(input.AsReadOnlySpan<float>(), output.AsSpan<float>());
                return Status.Ok;
            case TensorType.Int8:
                ReadOnlySpan<sbyte> values = input.AsReadOnlySpan<sbyte>();
                int bad = UnaryMath.RsqrtInt8(in *data, values, output.AsSpan<sbyte>());
                if (bad < 0) return Status.Ok;
                return context.Errors.Fail(Status.Error, "RSQRT is only defined for non-negative values: input element "u8)
                    .Append(bad).Append(" is "u8).Append(values[bad]).Append(", below the zero point "u8).Append(data->InputZeroPoint);
            default:
                return context.Errors.Fail(Status.Error, "unsupported input type "u8).Append(TensorTypes.Name(input.Type));
        }
    }
}
