using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// SignalDelay (TFLM signal library): delays every innermost frame of an int16 tensor by delay_length samples
/// across invocations (the first outputs are zeros). Stateful: <see cref="Reset"/> restores the zero history.
/// </summary>
public sealed unsafe class SignalDelay : OpKernel
{
    public static readonly SignalDelay Kernel = new SignalDelay();

    public override Status Init(KernelContext context, ref Node node) => SignalDelayCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => SignalDelayCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        SignalDelayOpData* data = (SignalDelayOpData*)node.UserData;
        ReadOnlySpan<short> input = context.GetInput(ref node, SignalDelayCommon.InputTensor).AsReadOnlySpan<short>();
        Span<short> output = context.GetOutput(ref node, SignalDelayCommon.OutputTensor).AsSpan<short>();
        int frameSize = data->FrameSize;
        for (int frame = 0, offset = 0; frame < data->OuterDims; frame++, offset += frameSize)
        {
            ref SignalSampleRing ring = ref data->Rings[frame];
            ring.Write(input.Slice(offset, frameSize));
            ring.Get(output.Slice(offset, frameSize));
            ring.Discard(frameSize);
        }
        return Status.Ok;
    }

    public override void Reset(KernelContext context, ref Node node) => SignalDelayCommon.Reset((SignalDelayOpData*)node.UserData);
}
