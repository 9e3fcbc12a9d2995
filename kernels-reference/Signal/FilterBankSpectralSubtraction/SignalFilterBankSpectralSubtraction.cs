using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// SignalFilterBankSpectralSubtraction (TFLM audio front end): stateful noise reduction per channel; outputs the
/// cleaned channels and a copy of the updated noise estimate.
/// </summary>
public sealed unsafe class SignalFilterBankSpectralSubtraction : OpKernel
{
    public static readonly SignalFilterBankSpectralSubtraction Kernel = new SignalFilterBankSpectralSubtraction();

    public override Status Init(KernelContext context, ref Node node) => SignalFilterBankSpectralSubtractionCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => SignalFilterBankSpectralSubtractionCommon.Prepare(context, ref node);

    public override void Reset(KernelContext context, ref Node node) =>
        SignalFilterBankSpectralSubtractionCommon.Reset((SignalFilterBankSpectralSubtractionOpData*)node.UserData);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        var data = (SignalFilterBankSpectralSubtractionOpData*)node.UserData;
        ref EvalTensor input = ref context.GetInput(ref node, SignalFilterBankSpectralSubtractionCommon.InputTensor);
        ref EvalTensor output = ref context.GetOutput(ref node, SignalFilterBankSpectralSubtractionCommon.OutputTensor);
        ref EvalTensor noiseOutput = ref context.GetOutput(ref node, SignalFilterBankSpectralSubtractionCommon.NoiseEstimateTensor);
        Span<uint> noiseEstimate = new Span<uint>(data->NoiseEstimate, data->NumChannels);
        SignalFilterBankSpectralSubtractionMath.Apply(input.AsReadOnlySpan<uint>(), output.AsSpan<uint>(), noiseEstimate,
            data->Smoothing, data->OneMinusSmoothing, data->AlternateSmoothing, data->AlternateOneMinusSmoothing,
            data->MinSignalRemaining, data->SmoothingBits, data->SpectralSubtractionBits, data->Clamping);
        noiseEstimate.CopyTo(noiseOutput.AsSpan<uint>());
        return Status.Ok;
    }
}
