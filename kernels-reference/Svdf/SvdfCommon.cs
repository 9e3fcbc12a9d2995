using System;
using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// SVDF's Init and Prepare, shared with ports (TFLM's <c>PrepareSvdf</c> in svdf_common.cc): validates the five
/// inputs, computes the two multipliers and requests the scratch buffers.
/// </summary>
public static unsafe class SvdfCommon
{
    public const int InputTensor = 0;
    public const int WeightsFeatureTensor = 1;
    public const int WeightsTimeTensor = 2;
    public const int BiasTensor = 3;
    public const int StateTensor = 4;
    public const int OutputTensor = 0;

    public static Status Init(KernelContext context, ref Node node)
    {
        void* data = context.AllocatePersistentBuffer(sizeof(SvdfOpData));
        if (data == null) return context.Errors.LastStatus;
        *(SvdfOpData*)data = default;
        node.UserData = data;
        return Status.Ok;
    }

    public static Status Prepare(KernelContext context, ref Node node)
    {
        SvdfOpData* data = (SvdfOpData*)node.UserData;
        ErrorReporter errors = context.Errors;
        if (node.InputCount != 5 || node.OutputCount != 1)
            return errors.Fail(Status.Error, "expects 5 inputs (bias may be omitted) and 1 output, got "u8).Append(node.InputCount)
                .Append(" inputs and "u8).Append(node.OutputCount).Append(" outputs"u8);

        TensorInfo input = context.GetInputInfo(ref node, InputTensor);
        TensorInfo weightsFeature = context.GetInputInfo(ref node, WeightsFeatureTensor);
        TensorInfo weightsTime = context.GetInputInfo(ref node, WeightsTimeTensor);
        TensorInfo bias = context.GetInputInfo(ref node, BiasTensor);
        TensorInfo state = context.GetInputInfo(ref node, StateTensor);
        TensorInfo output = context.GetOutputInfo(ref node, OutputTensor);
        SVDFOptions options = new SVDFOptions(node.BuiltinOptions);

        int rank = options.Rank;
        if (input.Rank != 2) return RankError(errors, "input"u8, input, 2);
        if (weightsFeature.Rank != 2) return RankError(errors, "feature weights"u8, weightsFeature, 2);
        if (weightsTime.Rank != 2) return RankError(errors, "time weights"u8, weightsTime, 2);
        if (state.Rank != 2) return RankError(errors, "state"u8, state, 2);
        if (output.Rank != 2) return RankError(errors, "output"u8, output, 2);
        int batches = input.Dim(0);
        int inputSize = input.Dim(1);
        int filters = weightsFeature.Dim(0);
        if (rank <= 0 || filters % rank != 0)
            return errors.Fail(Status.Error, "rank "u8).Append(rank).Append(" must be positive and divide the "u8)
                .Append(filters).Append(" filters of feature weights tensor "u8).Append(weightsFeature.Index);
        int units = filters / rank;
        int memorySize = weightsTime.Dim(1);

        if (weightsFeature.Dim(1) != inputSize)
            return SizeError(errors, "feature weights"u8, weightsFeature, 1, inputSize);
        if (weightsTime.Dim(0) != filters) return SizeError(errors, "time weights"u8, weightsTime, 0, filters);
        if (output.Dim(0) != batches) return SizeError(errors, "output"u8, output, 0, batches);
        if (output.Dim(1) != units) return SizeError(errors, "output"u8, output, 1, units);
        if (bias.Exists && (bias.Rank < 1 || bias.Dim(0) != units)) return SizeError(errors, "bias"u8, bias, 0, units);
        if (state.Dim(0) != batches) return SizeError(errors, "state"u8, state, 0, batches);
        if (state.Dim(1) != memorySize * filters) return SizeError(errors, "state"u8, state, 1, memorySize * filters);
        if (!state.IsVariable)
            return errors.Fail(Status.Error, "state tensor "u8).Append(state.Index).Append(" must be a variable tensor"u8);

        int activation = (int)options.FusedActivationFunction;
        if (activation < QuantizationMath.ActivationNone || activation > QuantizationMath.ActivationSigmoid)
            return errors.Fail(Status.Error, "unknown fused activation "u8).Append(activation);

        data->Rank = rank;
        data->Batches = batches;
        data->InputSize = inputSize;
        data->Filters = filters;
        data->Units = units;
        data->MemorySize = memorySize;
        data->Activation = activation;

        if (input.Type == TensorType.Int8) return PrepareInteger(context, data, input, weightsFeature, weightsTime, bias, state, output);
        if (input.Type != TensorType.Float32) return context.UnsupportedType(input, "input"u8);

        Status status = context.ExpectType(weightsFeature, TensorType.Float32, "feature weights"u8);
        if (status == Status.Ok) status = context.ExpectType(weightsTime, TensorType.Float32, "time weights"u8);
        if (status == Status.Ok) status = context.ExpectType(state, TensorType.Float32, "state"u8);
        if (status == Status.Ok && bias.Exists) status = context.ExpectType(bias, TensorType.Float32, "bias"u8);
        if (status == Status.Ok) status = context.ExpectType(output, TensorType.Float32, "output"u8);
        if (status != Status.Ok) return status;
        return context.RequestScratchBuffer((long)batches * filters * sizeof(float), out data->ScratchIndex);
    }

    private static Status PrepareInteger(KernelContext context, SvdfOpData* data, TensorInfo input, TensorInfo weightsFeature,
        TensorInfo weightsTime, TensorInfo bias, TensorInfo state, TensorInfo output)
    {
        ErrorReporter errors = context.Errors;
        Status status = context.ExpectType(weightsFeature, TensorType.Int8, "feature weights"u8);
        if (status != Status.Ok) return status;
        if (weightsTime.Type != TensorType.Int16 && weightsTime.Type != TensorType.Int8)
            return context.UnsupportedType(weightsTime, "time weights"u8);
        // The time weights select the state arithmetic, so both must have the same width.
        status = context.ExpectType(state, weightsTime.Type, "state"u8);
        if (status == Status.Ok && bias.Exists) status = context.ExpectType(bias, TensorType.Int32, "bias"u8);
        if (status == Status.Ok) status = context.ExpectType(output, TensorType.Int8, "output"u8);
        if (status != Status.Ok) return status;

        float inputScale = input.Quantization.Scale;
        float featureScale = weightsFeature.Quantization.Scale;
        float stateScale = state.Quantization.Scale;
        float timeScale = weightsTime.Quantization.Scale;
        float outputScale = output.Quantization.Scale;
        // TFLM multiplies and divides the scales in float, then widens the result to double.
        SoftDouble featureEffective = SoftDouble.FromFloat(inputScale * featureScale / stateScale);
        SoftDouble outputEffective = SoftDouble.FromFloat(stateScale * timeScale / outputScale);

        if (bias.Exists)
        {
            // |bias scale - state scale × time scale| < 1e-5, the product in float.
            SoftDouble difference = (SoftDouble.FromFloat(bias.Quantization.Scale) - SoftDouble.FromFloat(stateScale * timeScale)).Abs();
            SoftDouble tolerance = SoftDouble.FromBits(0x3EE4_F8B5_88E3_68F1UL); // the C++ literal 1e-5
            if (!(difference < tolerance))
                return errors.Fail(Status.Error, "bias tensor "u8).Append(bias.Index).Append(" scale "u8).Append(bias.Quantization.Scale)
                    .Append(" must equal state scale × time weights scale "u8).Append(stateScale * timeScale);
        }

        if (!QuantizationMath.QuantizeMultiplier(featureEffective, out data->FeatureMultiplier, out data->FeatureShift)
            || !QuantizationMath.QuantizeMultiplier(outputEffective, out data->OutputMultiplier, out data->OutputShift))
            return errors.Fail(Status.Error, "a requantization multiplier is not a finite number (check the tensor scales)"u8);

        data->InputZeroPoint = input.Quantization.ZeroPoint;
        data->OutputZeroPoint = output.Quantization.ZeroPoint;
        data->StateZeroPoint = state.Quantization.ZeroPoint;

        status = context.RequestScratchBuffer((long)data->Batches * data->Filters * sizeof(int), out data->ScratchIndex);
        if (status != Status.Ok) return status;
        return context.RequestScratchBuffer((long)data->Batches * data->Units * sizeof(int), out data->ScratchOutputIndex);
    }

    private static Status RankError(ErrorReporter errors, ReadOnlySpan<byte> role, TensorInfo tensor, int expected) =>
        errors.Fail(Status.Error, role).Append(" tensor "u8).Append(tensor.Index).Append(" must have "u8).Append(expected)
            .Append(" dimensions, has "u8).Append(tensor.Rank);

    private static Status SizeError(ErrorReporter errors, ReadOnlySpan<byte> role, TensorInfo tensor, int dimension, int expected) =>
        errors.Fail(Status.Error, role).Append(" tensor "u8).Append(tensor.Index).Append(" dimension "u8).Append(dimension)
            .Append(" must be "u8).Append(expected).Append(", is "u8).Append(tensor.Rank > dimension ? tensor.Dim(dimension) : 0);
}
