using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// SignalIrfft (TFLM signal library): inverse real FFT of each frame of fft_length / 2 + 1 complex bins into
/// fft_length real samples. INT16 and INT32 follow kiss_fft's fixed-point inverse, whose halving in kiss_fftri and
/// division by the radix at every stage make it the normalised inverse; FLOAT32 is kiss_fft's unnormalised float
/// inverse divided by fft_length, as TFLM does.
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
        switch (data->Type)
        {
            case TensorType.Int16: Transform<short, KissFftInt16>(data, ref input, ref output); break;
            case TensorType.Int32: Transform<int, KissFftInt32>(data, ref input, ref output); break;
            default:
                Transform<float, KissFftFloat>(data, ref input, ref output);
                // kiss_fft leaves the float inverse unnormalised; TFLM divides by the real length.
                Span<float> samples = output.AsSpan<float>();
                int fftLength = data->FftLength;
                for (int i = 0; i < samples.Length; i++) samples[i] /= fftLength;
                break;
        }
        return Status.Ok;
    }

    private static void Transform<T, TArithmetic>(SignalIrfftOpData* data, ref EvalTensor input, ref EvalTensor output)
        where T : unmanaged
        where TArithmetic : struct, IKissArithmetic<T>
    {
        ReadOnlySpan<KissComplex<T>> bins = new ReadOnlySpan<KissComplex<T>>(input.Data, data->InputSize);
        Span<T> samples = output.AsSpan<T>();
        int frameBins = data->Plan.ComplexLength + 1;
        for (int inputIndex = 0, outputIndex = 0; inputIndex < data->InputSize;
             inputIndex += data->InputLength, outputIndex += data->OutputLength)
        {
            KissFft<T, TArithmetic>.RealInverse(bins.Slice(inputIndex, frameBins), samples.Slice(outputIndex, data->FftLength), data->Plan);
        }
    }
}
