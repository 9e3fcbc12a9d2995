using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// SignalStacker (TFLM signal library): stacks each new frame of num_channels int16 values with its left and right
/// context frames. The first frame is repeated left_context times as padding; 'valid' says whether a full stack
/// was produced (otherwise the output is left unwritten, as in TFLM). Stateful (<see cref="Reset"/>).
/// </summary>
public sealed unsafe class SignalStacker : OpKernel
{
    public static readonly SignalStacker Kernel = new SignalStacker();

    public override Status Init(KernelContext context, ref Node node) => SignalStackerCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => SignalStackerCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        SignalStackerOpData* data = (SignalStackerOpData*)node.UserData;
        ReadOnlySpan<short> input = context.GetInput(ref node, SignalStackerCommon.InputTensor).AsReadOnlySpan<short>();
        Span<short> output = context.GetOutput(ref node, SignalStackerCommon.OutputTensor).AsSpan<short>();
        Span<bool> valid = context.GetOutput(ref node, SignalStackerCommon.ValidTensor).AsSpan<bool>();

        data->Ring.Write(input.Slice(0, data->NumChannels));
        if (!data->HasFirstFrame)
        {
            data->Ring.Extend(data->NumChannels, data->LeftContext);
            data->HasFirstFrame = true;
        }
        if (data->Ring.Available >= data->OutputSize)
        {
            data->Ring.Get(output.Slice(0, data->OutputSize));
            data->Ring.Discard(data->StepSize);
            valid[0] = true;
        }
        else
        {
            valid[0] = false;
        }
        return Status.Ok;
    }

    public override void Reset(KernelContext context, ref Node node) => SignalStackerCommon.Reset((SignalStackerOpData*)node.UserData);
}
