using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// SignalRfft (TFLM audio front end): real FFT of each frame, zero-padded to fft_length, giving fft_length/2 + 1
/// complex bins (real, imaginary interleaved). INT16 is bit-exact with TFLM's fixed-point kiss_fft; FLOAT32
/// follows kiss_fft's float build operation by operation.
/// </summary>
public sealed unsafe class SignalRfft : OpKernel
{
    public static readonly SignalRfft Kernel = new SignalRfft();

    public override Status Init(KernelContext context, ref Node node) => SignalRfftCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => SignalRfftCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        SignalRfftOpData* data = (SignalRfftOpData*)node.UserData;
        ref EvalTensor input = ref context.GetInput(ref node, SignalRfftCommon.InputTensor);
        ref EvalTensor output = ref context.GetOutput(ref node, SignalRfftCommon.OutputTensor);
        void* scratch = context.GetScratchBuffer(data->ScratchIndex);
        ReadOnlySpan<int> factors = new ReadOnlySpan<int>(data->Factors, 2 * data->Stages);
        int ncfft = data->ComplexLength;

        if (data->Type == TensorType.Int16)
        {
            Span<short> frame = new Span<short>(scratch, data->FftLength);
            ReadOnlySpan<short> inputData = input.AsReadOnlySpan<short>();
            Span<KissComplex16> outputData = new Span<KissComplex16>(output.Data, output.ElementCount / 2);
            for (int inputIndex = 0, outputIndex = 0; inputIndex < data->InputSize;
                 inputIndex += data->InputLength, outputIndex += data->OutputLength)
            {
                inputData.Slice(inputIndex, data->InputLength).CopyTo(frame);
                frame.Slice(data->InputLength).Clear();
                KissFftInt16.RealForward(frame, outputData.Slice(outputIndex, ncfft + 1), ncfft,
                    new ReadOnlySpan<KissComplex16>(data->Twiddles, ncfft), new ReadOnlySpan<KissComplex16>(data->SuperTwiddles, ncfft / 2),
                    factors, new Span<KissComplex16>(data->Work, ncfft), new Span<KissComplex16>(data->RadixScratch, data->LargestRadix));
            }
        }
        else
        {
            Span<float> frame = new Span<float>(scratch, data->FftLength);
            ReadOnlySpan<float> inputData = input.AsReadOnlySpan<float>();
            Span<KissComplexFloat> outputData = new Span<KissComplexFloat>(output.Data, output.ElementCount / 2);
            for (int inputIndex = 0, outputIndex = 0; inputIndex < data->InputSize;
                 inputIndex += data->InputLength, outputIndex += data->OutputLength)
            {
                inputData.Slice(inputIndex, data->InputLength).CopyTo(frame);
                frame.Slice(data->InputLength).Clear();
                KissFftFloat.RealForward(frame, outputData.Slice(outputIndex, ncfft + 1), ncfft,
                    new ReadOnlySpan<KissComplexFloat>(data->Twiddles, ncfft), new ReadOnlySpan<KissComplexFloat>(data->SuperTwiddles, ncfft / 2),
                    factors, new Span<KissComplexFloat>(data->Work, ncfft), new Span<KissComplexFloat>(data->RadixScratch, data->LargestRadix));
            }
        }
        return Status.Ok;
    }
}
