using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// SignalRfft (TFLM audio front end): real FFT of each frame, zero-padded to fft_length, giving fft_length/2 + 1
/// complex bins (real, imaginary interleaved). INT16 and INT32 are bit-exact with TFLM's fixed-point kiss_fft
/// builds (output scaled by 1/fft_length); FLOAT32 follows kiss_fft's float build operation by operation.
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
        switch (data->Type)
        {
            case TensorType.Int16: Transform<short, KissFftInt16>(data, ref input, ref output, scratch); break;
            case TensorType.Int32: Transform<int, KissFftInt32>(data, ref input, ref output, scratch); break;
            default: Transform<float, KissFftFloat>(data, ref input, ref output, scratch); break;
        }
        return Status.Ok;
    }

    /// <summary>Each frame is copied into the scratch buffer, zero-padded to fft_length and transformed.</summary>
    private static void Transform<T, TArithmetic>(SignalRfftOpData* data, ref EvalTensor input, ref EvalTensor output, void* scratch)
        where T : unmanaged
        where TArithmetic : struct, IKissArithmetic<T>
    {
        Span<T> frame = new Span<T>(scratch, data->FftLength);
        ReadOnlySpan<T> inputData = input.AsReadOnlySpan<T>();
        Span<KissComplex<T>> outputData = new Span<KissComplex<T>>(output.Data, output.ElementCount / 2);
        int bins = data->Plan.ComplexLength + 1;
        for (int inputIndex = 0, outputIndex = 0; inputIndex < data->InputSize;
             inputIndex += data->InputLength, outputIndex += data->OutputLength)
        {
            inputData.Slice(inputIndex, data->InputLength).CopyTo(frame);
            frame.Slice(data->InputLength).Clear();
            KissFft<T, TArithmetic>.RealForward(frame, outputData.Slice(outputIndex, bins), data->Plan);
        }
    }
}
