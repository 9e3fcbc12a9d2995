using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// SignalFramer (TFLM signal library): cuts a stream of int16 samples into overlapping frames of frame_size taken
/// every frame_step samples, keeping the unused tail for the next invocation. 'valid' is false when any frame
/// could not be filled yet; like TFLM, such frames are left unwritten in the output. Stateful (<see cref="Reset"/>).
/// </summary>
public sealed unsafe class SignalFramer : OpKernel
{
    public static readonly SignalFramer Kernel = new SignalFramer();

    public override Status Init(KernelContext context, ref Node node) => SignalFramerCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => SignalFramerCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        SignalFramerOpData* data = (SignalFramerOpData*)node.UserData;
        ReadOnlySpan<short> input = context.GetInput(ref node, SignalFramerCommon.InputTensor).AsReadOnlySpan<short>();
        Span<short> output = context.GetOutput(ref node, SignalFramerCommon.OutputTensor).AsSpan<short>();
        Span<bool> valid = context.GetOutput(ref node, SignalFramerCommon.ValidTensor).AsSpan<bool>();
        int frameSize = data->FrameSize;
        int frameStep = data->FrameStep;
        bool allValid = true;
        for (int row = 0; row < data->OuterDims; row++)
        {
            ref SignalSampleRing ring = ref data->Rings[row];
            for (int frame = 0; frame < data->FramesPerRow; frame++)
            {
                int index = row * data->FramesPerRow + frame;
                ring.Write(input.Slice(index * frameStep, frameStep));
                if (ring.Available >= frameSize)
                {
                    ring.Get(output.Slice(index * frameSize, frameSize));
                    ring.Discard(frameStep);
                }
                else
                {
                    allValid = false;
                }
            }
        }
        valid[0] = allValid;
        return Status.Ok;
    }

    public override void Reset(KernelContext context, ref Node node) => SignalFramerCommon.Reset((SignalFramerOpData*)node.UserData);
}
