using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// Base of EQUAL, NOT_EQUAL, GREATER, GREATER_EQUAL, LESS and LESS_EQUAL (TFLM comparisons.cc): two inputs of the
/// same type, broadcast, into a bool output. Types: float32, int32, int64, int8 (rescaled), int16 (rescaled;
/// TFLM evaluates it for GREATER only and without setting up the rescaling — here it is set up, for all six),
/// and bool for EQUAL/NOT_EQUAL. Each op is this class with its outcome mask (<see cref="ComparisonMath"/>).
/// </summary>
public abstract unsafe class ComparisonKernel : OpKernel
{
    private readonly int outcomeMask;
    private readonly bool acceptsBool;

    protected ComparisonKernel(int outcomeMask, bool acceptsBool)
    {
        this.outcomeMask = outcomeMask;
        this.acceptsBool = acceptsBool;
    }

    public override Status Init(KernelContext context, ref Node node) => ComparisonCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => ComparisonCommon.Prepare(context, ref node, acceptsBool);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        ComparisonOpData* data = (ComparisonOpData*)node.UserData;
        ref EvalTensor input1 = ref context.GetInput(ref node, BroadcastBinaryOpPrepare.Input1Tensor);
        ref EvalTensor input2 = ref context.GetInput(ref node, BroadcastBinaryOpPrepare.Input2Tensor);
        ref EvalTensor output = ref context.GetOutput(ref node, BroadcastBinaryOpPrepare.OutputTensor);
        System.Span<byte> result = output.AsSpan<byte>();
        switch (input1.Type)
        {
            case TensorType.Float32:
                ComparisonMath.CompareFloat(in data->Shape, input1.AsReadOnlySpan<float>(), input2.AsReadOnlySpan<float>(), result, outcomeMask);
                return Status.Ok;
            case TensorType.Int32:
                ComparisonMath.CompareInt32(in data->Shape, input1.AsReadOnlySpan<int>(), input2.AsReadOnlySpan<int>(), result, outcomeMask);
                return Status.Ok;
            case TensorType.Int64:
                ComparisonMath.CompareInt64(in data->Shape, input1.AsReadOnlySpan<long>(), input2.AsReadOnlySpan<long>(), result, outcomeMask);
                return Status.Ok;
            case TensorType.Bool:
                ComparisonMath.CompareBool(in data->Shape, input1.AsReadOnlySpan<byte>(), input2.AsReadOnlySpan<byte>(), result, outcomeMask);
                return Status.Ok;
            case TensorType.Int8:
                ComparisonMath.CompareInt8(in *data, input1.AsReadOnlySpan<sbyte>(), input2.AsReadOnlySpan<sbyte>(), result, outcomeMask);
                return Status.Ok;
            case TensorType.Int16:
                ComparisonMath.CompareInt16(in *data, input1.AsReadOnlySpan<short>(), input2.AsReadOnlySpan<short>(), result, outcomeMask);
                return Status.Ok;
            default:
                return context.Errors.Fail(Status.Error, "unsupported input type "u8).Append(TensorTypes.Name(input1.Type));
        }
    }
}
