using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// SignalIrfft (TFLM signal library): inverse real FFT of each frame of fft_length / 2 + 1 complex bins into
/// fft_length real samples. INT16 follows kiss_fft's fixed-point inverse, whose halving in kiss_fftri and division
/// by the radix at every stage make it the normalised inverse; FLOAT32 is kiss_fft's unnormalised float inverse
/// divided by fft_length.
/// </summary>
public sealed unsafe class SignalIrfft : OpKernel
{
    public static readonly SignalIrfft Kernel = new SignalIrfft();

    public override Status Init(KernelContext context, ref Node node) => SignalIrfftCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => SignalIrfftCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        SignalIrfftOpData* data = (SignalIrfftOpData*)node.UserData;
        ref EvalTensor input = ref context.GetInput(ref node, SignalIrfftCommon.InputTensor);
        ref EvalTensor output = ref context.GetOutput(ref node, SignalIrfftCommon.OutputTensor);
        ReadOnlySpan<int> factors = new ReadOnlySpan<int>(data->Factors, 2 * data->Stages);
        int ncfft = data->ComplexLength;
        int fftLength = data->FftLength;

        if (data->Type == TensorType.Int16)
        {
            ReadOnlySpan<KissComplex16> bins = new ReadOnlySpan<KissComplex16>(input.Data, data->InputSize);
            Span<short> samples = output.AsSpan<short>();
            for (int inputIndex = 0, outputIndex = 0; inputIndex < data->InputSize;
                 inputIndex += data->InputLength, outputIndex += data->OutputLength)
            {
                KissFftInt16.RealInverse(bins.Slice(inputIndex, ncfft + 1), samples.Slice(outputIndex, fftLength), ncfft,
                    new ReadOnlySpan<KissComplex16>(data->Twiddles, ncfft), new ReadOnlySpan<KissComplex16>(data->SuperTwiddles, ncfft / 2),
                    factors, new Span<KissComplex16>(data->Work, ncfft), new Span<KissComplex16>(data->RadixScratch, data->LargestRadix));
            }
        }
        else
        {
            ReadOnlySpan<KissComplexFloat> bins = new ReadOnlySpan<KissComplexFloat>(input.Data, data->InputSize);
            Span<float> samples = output.AsSpan<float>();
            for (int inputIndex = 0, outputIndex = 0; inputIndex < data->InputSize;
                 inputIndex += data->InputLength, outputIndex += data->OutputLength)
            {
                Span<float> frame = samples.Slice(outputIndex, fftLength);
                KissFftFloat.RealInverse(bins.Slice(inputIndex, ncfft + 1), frame, ncfft,
                    new ReadOnlySpan<KissComplexFloat>(data->Twiddles, ncfft),
                    new ReadOnlySpan<KissComplexFloat>(data->SuperTwiddles, ncfft / 2), factors,
                    new Span<KissComplexFloat>(data->Work, ncfft), new Span<KissComplexFloat>(data->RadixScratch, data->LargestRadix));
                // kiss_fft leaves the inverse unnormalised; TFLM divides by the real length.
                for (int i = 0; i < fftLength; i++) frame[i] /= fftLength;
            }
        }
        return Status.Ok;
    }
}
