using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// SVDF (TFLM svdf.cc): float32, and int8 input with int16 or int8 state and time weights. Input 4 is the
/// variable state tensor, shifted one step left per Invoke; the interpreter zeroes it (to its zero point) on Reset.
/// </summary>
public sealed unsafe class Svdf : OpKernel
{
    public static readonly Svdf Kernel = new Svdf();

    public override Status Init(KernelContext context, ref Node node) => SvdfCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => SvdfCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        SvdfOpData* data = (SvdfOpData*)node.UserData;
        ref EvalTensor input = ref context.GetInput(ref node, SvdfCommon.InputTensor);
        ref EvalTensor weightsFeature = ref context.GetInput(ref node, SvdfCommon.WeightsFeatureTensor);
        ref EvalTensor weightsTime = ref context.GetInput(ref node, SvdfCommon.WeightsTimeTensor);
        ref EvalTensor state = ref context.GetInput(ref node, SvdfCommon.StateTensor);
        ref EvalTensor output = ref context.GetOutput(ref node, SvdfCommon.OutputTensor);
        bool hasBias = KernelContext.HasInput(ref node, SvdfCommon.BiasTensor);
        SvdfShape shape = new SvdfShape(data->Batches, data->InputSize, data->Filters, data->Units, data->Rank, data->MemorySize);

        if (weightsFeature.Type == TensorType.Float32)
        {
            SvdfMath.EvalFloat(shape, input.AsReadOnlySpan<float>(), weightsFeature.AsReadOnlySpan<float>(),
                weightsTime.AsReadOnlySpan<float>(),
                hasBias ? context.GetInput(ref node, SvdfCommon.BiasTensor).AsReadOnlySpan<float>() : default,
                state.AsSpan<float>(), new Span<float>(context.GetScratchBuffer(data->ScratchIndex), data->Batches * data->Filters),
                output.AsSpan<float>(), data->Activation);
            return Status.Ok;
        }

        ReadOnlySpan<int> bias = hasBias ? context.GetInput(ref node, SvdfCommon.BiasTensor).AsReadOnlySpan<int>() : default;
        Span<int> scratch = new Span<int>(context.GetScratchBuffer(data->ScratchIndex), data->Batches * data->Filters);
        Span<int> scratchOutput = new Span<int>(context.GetScratchBuffer(data->ScratchOutputIndex), data->Batches * data->Units);
        SvdfQuantization q = new SvdfQuantization(data->InputZeroPoint, data->StateZeroPoint, data->OutputZeroPoint,
            data->FeatureMultiplier, data->FeatureShift, data->OutputMultiplier, data->OutputShift);
        if (weightsTime.Type == TensorType.Int16)
        {
            SvdfMath.EvalInt16State(shape, q, input.AsReadOnlySpan<sbyte>(), weightsFeature.AsReadOnlySpan<sbyte>(),
                weightsTime.AsReadOnlySpan<short>(), bias, state.AsSpan<short>(), scratch, scratchOutput, output.AsSpan<sbyte>());
        }
        else
        {
            SvdfMath.EvalInt8State(shape, q, input.AsReadOnlySpan<sbyte>(), weightsFeature.AsReadOnlySpan<sbyte>(),
                weightsTime.AsReadOnlySpan<sbyte>(), bias, state.AsSpan<sbyte>(), scratch, scratchOutput, output.AsSpan<sbyte>());
        }
        return Status.Ok;
    }
}
