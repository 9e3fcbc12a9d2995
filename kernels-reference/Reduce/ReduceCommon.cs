using System;
using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// Init and Prepare of SUM, REDUCE_MAX, REDUCE_MIN and REDUCE_ALL, shared with ports (TFLM's reduce_common.cc:
/// PrepareSimple, PrepareMaxHelper, PrepareMeanOrSumHelper). Input 0 is the data, input 1 the int32 axes.
/// </summary>
public static unsafe class ReduceCommon
{
    public const int InputTensor = 0;
    public const int AxisTensor = 1;
    public const int OutputTensor = 0;

    /// <summary>Largest input rank handled (the index iterator lives on the stack).</summary>
    public const int MaxRank = MeanCommon.MaxRank;

    public static Status Init(KernelContext context, ref Node node)
    {
        void* data = context.AllocatePersistentBuffer(sizeof(ReduceOpData));
        if (data == null) return context.Errors.LastStatus;
        *(ReduceOpData*)data = default;
        ((ReduceOpData*)data)->TempSumBufferIndex = -1;
        node.UserData = data;
        return Status.Ok;
    }

    /// <summary>SUM: float32, int8 and int16 (requantized from input to output scale).</summary>
    public static Status PrepareSum(KernelContext context, ref Node node)
    {
        Status status = PrepareShared(context, ref node, out TensorInfo input, out TensorInfo output);
        if (status != Status.Ok) return status;
        if (input.Type == TensorType.Float32) return Status.Ok;
        if (input.Type != TensorType.Int8 && input.Type != TensorType.Int16) return context.UnsupportedType(input, "input"u8);

        ReduceOpData* data = (ReduceOpData*)node.UserData;
        data->InputZeroPoint = input.Quantization.ZeroPoint;
        data->OutputZeroPoint = output.Quantization.ZeroPoint;
        // (double)input_scale / (double)output_scale.
        SoftDouble realMultiplier = SoftDouble.FromFloat(input.Quantization.Scale) / SoftDouble.FromFloat(output.Quantization.Scale);
        if (!QuantizationMath.QuantizeMultiplier(realMultiplier, out data->Multiplier, out data->Shift))
            return context.Errors.Fail(Status.Error, "input scale "u8).Append(input.Quantization.Scale).Append(" over output scale "u8)
                .Append(output.Quantization.Scale).Append(" is not a finite number"u8);
        return context.RequestScratchBuffer((long)output.ElementCount * sizeof(int), out data->TempSumBufferIndex);
    }

    /// <summary>
    /// REDUCE_MAX / REDUCE_MIN: float32 and int8. int8 values are compared as they are, so TFLM requires the
    /// output to be quantized exactly like the input.
    /// </summary>
    public static Status PrepareMaxOrMin(KernelContext context, ref Node node)
    {
        Status status = PrepareShared(context, ref node, out TensorInfo input, out TensorInfo output);
        if (status != Status.Ok) return status;
        if (input.Type == TensorType.Float32) return Status.Ok;
        if (input.Type != TensorType.Int8) return context.UnsupportedType(input, "input"u8);
        if (input.Quantization.Scale != output.Quantization.Scale || input.Quantization.ZeroPoint != output.Quantization.ZeroPoint)
            return context.Errors.Fail(Status.Error, "int8 input tensor "u8).Append(input.Index).Append(" (scale "u8)
                .Append(input.Quantization.Scale).Append(", zero point "u8).Append(input.Quantization.ZeroPoint)
                .Append(") and output tensor "u8).Append(output.Index).Append(" (scale "u8).Append(output.Quantization.Scale)
                .Append(", zero point "u8).Append(output.Quantization.ZeroPoint).Append(") must be quantized alike"u8);
        return Status.Ok;
    }

    /// <summary>REDUCE_ALL: bool only.</summary>
    public static Status PrepareAll(KernelContext context, ref Node node)
    {
        Status status = PrepareShared(context, ref node, out TensorInfo input, out _);
        if (status != Status.Ok) return status;
        return input.Type == TensorType.Bool ? Status.Ok : context.UnsupportedType(input, "input"u8);
    }

    private static Status PrepareShared(KernelContext context, ref Node node, out TensorInfo input, out TensorInfo output)
    {
        ErrorReporter errors = context.Errors;
        input = default;
        output = default;
        if (node.InputCount != 2 || node.OutputCount != 1)
            return errors.Fail(Status.Error, "expects 2 inputs (data, axes) and 1 output, got "u8).Append(node.InputCount)
                .Append(" inputs and "u8).Append(node.OutputCount).Append(" outputs"u8);
        input = context.GetInputInfo(ref node, InputTensor);
        TensorInfo axis = context.GetInputInfo(ref node, AxisTensor);
        output = context.GetOutputInfo(ref node, OutputTensor);
        Status status = context.ExpectType(axis, TensorType.Int32, "axis"u8);
        if (status != Status.Ok) return status;
        status = context.ExpectType(output, input.Type, "output"u8);
        if (status != Status.Ok) return status;
        if (input.Rank > MaxRank)
            return errors.Fail(Status.Error, "input tensor "u8).Append(input.Index).Append(" has rank "u8).Append(input.Rank)
                .Append(", at most "u8).Append(MaxRank).Append(" is supported"u8);
        ((ReduceOpData*)node.UserData)->KeepDims = new ReducerOptions(node.BuiltinOptions).KeepDims;
        if (axis.IsConstant) return CheckAxesAndOutput(errors, input, axis, output);
        return Status.Ok;
    }

    /// <summary>Axes must lie in [-rank, rank); the output must hold one element per kept position.</summary>
    private static Status CheckAxesAndOutput(ErrorReporter errors, TensorInfo input, TensorInfo axis, TensorInfo output)
    {
        ReadOnlySpan<int> axes = axis.ConstantData<int>();
        int rank = input.Rank;
        Span<bool> reduced = stackalloc bool[MaxRank];
        for (int i = 0; i < axes.Length; i++)
        {
            int a = axes[i] < 0 ? axes[i] + rank : axes[i];
            if (a < 0 || a >= rank)
                return errors.Fail(Status.Error, "axis "u8).Append(axes[i]).Append(" is out of range for input rank "u8).Append(rank);
            reduced[a] = true;
        }
        long kept = 1;
        for (int d = 0; d < rank; d++)
        {
            if (!reduced[d]) kept *= input.Dim(d);
        }
        if (output.ElementCount != kept)
            return errors.Fail(Status.Error, "output tensor "u8).Append(output.Index).Append(" has "u8).Append(output.ElementCount)
                .Append(" elements, the reduction leaves "u8).Append(kept);
        return Status.Ok;
    }

    /// <summary>
    /// Resolves the axes of the axis tensor at Invoke (TFLM <c>ResolveAxis</c>); reports and returns -1 when an
    /// axis is out of range (only possible for a non-constant axis tensor).
    /// </summary>
    public static int ResolveAxes(KernelContext context, ref Node node, ReadOnlySpan<int> shape, Span<int> resolved)
    {
        ReadOnlySpan<int> axes = context.GetInput(ref node, AxisTensor).AsReadOnlySpan<int>();
        int count = MeanMath.ResolveAxes(shape.Length, axes, resolved);
        if (count < 0)
        {
            context.Errors.Fail(Status.Error, "an axis is out of range for input rank "u8).Append(shape.Length);
            return -1;
        }
        int outputElements = context.GetOutput(ref node, OutputTensor).ElementCount;
        return CheckKeptElements(context.Errors, shape, resolved.Slice(0, count), outputElements) == Status.Ok ? count : -1;
    }

    /// <summary>
    /// Invoke, for axes only known then: the output must have one element per combination of the kept dimensions
    /// (Prepare checks this when the axis tensor is constant).
    /// </summary>
    public static Status CheckKeptElements(ErrorReporter errors, ReadOnlySpan<int> shape, ReadOnlySpan<int> resolvedAxes, int outputElements)
    {
        long kept = 1;
        for (int d = 0; d < shape.Length; d++)
        {
            bool reduced = false;
            for (int a = 0; a < resolvedAxes.Length; a++) reduced |= resolvedAxes[a] == d;
            if (!reduced) kept *= shape[d];
        }
        if (kept == outputElements) return Status.Ok;
        return errors.Fail(Status.Error, "the output has "u8).Append(outputElements).Append(" elements, the reduction over the given axes leaves "u8)
            .Append(kept);
    }
}
