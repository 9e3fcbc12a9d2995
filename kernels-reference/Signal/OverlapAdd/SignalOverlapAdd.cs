using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// SignalOverlapAdd (TFLM signal library): the inverse of framing. Each frame is added into a running accumulator
/// (int16 with saturation, or float), whose first frame_step samples are emitted. Stateful (<see cref="Reset"/>).
/// </summary>
public sealed unsafe class SignalOverlapAdd : OpKernel
{
    public static readonly SignalOverlapAdd Kernel = new SignalOverlapAdd();

    public override Status Init(KernelContext context, ref Node node) => SignalOverlapAddCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => SignalOverlapAddCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        SignalOverlapAddOpData* data = (SignalOverlapAddOpData*)node.UserData;
        ref EvalTensor input = ref context.GetInput(ref node, SignalOverlapAddCommon.InputTensor);
        ref EvalTensor output = ref context.GetOutput(ref node, SignalOverlapAddCommon.OutputTensor);
        int frameSize = data->FrameSize;
        int frameStep = data->FrameStep;
        for (int row = 0; row < data->OuterDims; row++)
        {
            for (int frame = 0; frame < data->FramesPerRow; frame++)
            {
                int index = row * data->FramesPerRow + frame;
                if (data->Type == TensorType.Int16)
                {
                    SignalOverlapAddMath.Apply(input.AsReadOnlySpan<short>().Slice(index * frameSize, frameSize),
                        new Span<short>((short*)data->State + row * frameSize, frameSize),
                        output.AsSpan<short>().Slice(index * frameStep, frameStep));
                }
                else
                {
                    SignalOverlapAddMath.Apply(input.AsReadOnlySpan<float>().Slice(index * frameSize, frameSize),
                        new Span<float>((float*)data->State + row * frameSize, frameSize),
                        output.AsSpan<float>().Slice(index * frameStep, frameStep));
                }
            }
        }
        return Status.Ok;
    }

    public override void Reset(KernelContext context, ref Node node) => SignalOverlapAddCommon.Reset((SignalOverlapAddOpData*)node.UserData);
}
