using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>MEAN's Init and Prepare, shared with ports (TFLM's reduce_common.cc, PrepareMeanOrSumHelper).</summary>
public static unsafe class MeanCommon
{
    public const int InputTensor = 0;
    public const int AxisTensor = 1;
    public const int OutputTensor = 0;

    /// <summary>Largest input rank handled (the index iterator lives on the stack).</summary>
    public const int MaxRank = 8;

    public static Status Init(KernelContext context, ref Node node)
    {
        void* data = context.AllocatePersistentBuffer(sizeof(MeanOpData));
        if (data == null) return context.Errors.LastStatus;
        *(MeanOpData*)data = default;
        ((MeanOpData*)data)->TempSumBufferIndex = -1;
        node.UserData = data;
        return Status.Ok;
    }

    public static Status Prepare(KernelContext context, ref Node node)
    {
        MeanOpData* data = (MeanOpData*)node.UserData;
        ErrorReporter errors = context.Errors;
        if (node.InputCount != 2 || node.OutputCount != 1)
            return errors.Fail(Status.Error, "expects 2 inputs (data, axes) and 1 output, got "u8).Append(node.InputCount)
                .Append(" inputs and "u8).Append(node.OutputCount).Append(" outputs"u8);
        TensorInfo input = context.GetInputInfo(ref node, InputTensor);
        TensorInfo axis = context.GetInputInfo(ref node, AxisTensor);
        TensorInfo output = context.GetOutputInfo(ref node, OutputTensor);
        Status status = context.ExpectType(axis, TensorType.Int32, "axis"u8);
        if (status != Status.Ok) return status;
        if (input.Type != TensorType.Float32 && input.Type != TensorType.Int8 && input.Type != TensorType.Int16)
            return context.UnsupportedType(input, "input"u8);
        status = context.ExpectType(output, input.Type, "output"u8);
        if (status != Status.Ok) return status;
        if (input.Rank > MaxRank)
            return errors.Fail(Status.Error, "input tensor "u8).Append(input.Index).Append(" has rank "u8).Append(input.Rank)
                .Append(", at most "u8).Append(MaxRank).Append(" is supported"u8);
        data->KeepDims = new ReducerOptions(node.BuiltinOptions).KeepDims;

        if (axis.IsConstant)
        {
            status = CheckAxesAndOutput(errors, input, axis, output);
            if (status != Status.Ok) return status;
        }

        if (input.Type == TensorType.Float32) return Status.Ok;
        data->InputZeroPoint = input.Quantization.ZeroPoint;
        data->OutputZeroPoint = output.Quantization.ZeroPoint;
        data->InputScale = input.Quantization.Scale;
        data->OutputScale = output.Quantization.Scale;
        // (double)input_scale / (double)output_scale.
        SoftDouble realMultiplier = SoftDouble.FromFloat(data->InputScale) / SoftDouble.FromFloat(data->OutputScale);
        if (!QuantizationMath.QuantizeMultiplier(realMultiplier, out data->Multiplier, out data->Shift))
            return errors.Fail(Status.Error, "input scale "u8).Append(data->InputScale).Append(" over output scale "u8)
                .Append(data->OutputScale).Append(" is not a finite number"u8);
        return context.RequestScratchBuffer((long)output.ElementCount * sizeof(int), out data->TempSumBufferIndex);
    }

    /// <summary>Axes must lie in [-rank, rank); the output must hold one element per kept position.</summary>
    private static Status CheckAxesAndOutput(ErrorReporter errors, TensorInfo input, TensorInfo axis, TensorInfo output)
    {
        System.ReadOnlySpan<int> axes = axis.ConstantData<int>();
        int rank = input.Rank;
        int expected = input.ElementCount;
        System.Span<bool> reduced = stackalloc bool[MaxRank];
        for (int i = 0; i < axes.Length; i++)
        {
            int a = axes[i] < 0 ? axes[i] + rank : axes[i];
            if (a < 0 || a >= rank)
                return errors.Fail(Status.Error, "axis "u8).Append(axes[i]).Append(" is out of range for input rank "u8).Append(rank);
            reduced[a] = true;
        }
        int kept = 1;
        for (int d = 0; d < rank; d++)
        {
            if (!reduced[d]) kept *= input.Dim(d);
        }
        if (expected != 0 && output.ElementCount != kept)
            return errors.Fail(Status.Error, "output tensor "u8).Append(output.Index).Append(" has "u8).Append(output.ElementCount)
                .Append(" elements, the reduction leaves "u8).Append(kept);
        return Status.Ok;
    }
}
