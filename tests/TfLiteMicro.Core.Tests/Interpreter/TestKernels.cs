using TfLiteMicro;

namespace TfLiteMicro.Core.Tests.Interpreter;

/// <summary>int8 elementwise output = input + 1 (saturating), with an optional scratch request; for interpreter tests.</summary>
internal sealed unsafe class AddOneKernel : OpKernel
{
    private readonly int scratchBytes;
    private readonly bool leakTemp;

    public AddOneKernel(int scratchBytes = 0, bool leakTemp = false)
    {
        this.scratchBytes = scratchBytes;
        this.leakTemp = leakTemp;
    }

    public int PrepareCount { get; private set; }
    public int ResetCount { get; private set; }

    public override Status Init(KernelContext context, ref Node node)
    {
        int* data = (int*)context.AllocatePersistentBuffer(sizeof(int));
        if (data == null) return context.Errors.LastStatus;
        *data = -1;
        node.UserData = data;
        return Status.Ok;
    }

    public override Status Prepare(KernelContext context, ref Node node)
    {
        PrepareCount++;
        TensorInfo input = context.GetInputInfo(ref node, 0);
        Status status = context.ExpectType(input, TensorType.Int8, "input"u8);
        if (status != Status.Ok) return status;
        void* temp = context.AllocateTempBuffer(64, 16);
        if (!leakTemp) context.DeallocateTempBuffer(temp);
        if (scratchBytes > 0) return context.RequestScratchBuffer(scratchBytes, out *(int*)node.UserData);
        return Status.Ok;
    }

    public override Status Invoke(KernelContext context, ref Node node)
    {
        ref EvalTensor input = ref context.GetInput(ref node, 0);
        ref EvalTensor output = ref context.GetOutput(ref node, 0);
        int scratchIndex = *(int*)node.UserData;
        if (scratchIndex >= 0)
        {
            byte* scratch = (byte*)context.GetScratchBuffer(scratchIndex);
            if (scratch == null) return context.Fail("scratch buffer missing"u8);
            for (int i = 0; i < scratchBytes; i++) scratch[i] = 0xAB;
        }
        sbyte* source = (sbyte*)input.Data;
        sbyte* target = (sbyte*)output.Data;
        int count = input.ElementCount;
        for (int i = 0; i < count; i++) target[i] = (sbyte)(source[i] == 127 ? 127 : source[i] + 1);
        return Status.Ok;
    }

    public override void Reset(KernelContext context, ref Node node) => ResetCount++;
}

/// <summary>A kernel whose Prepare always fails with a message.</summary>
internal sealed class FailingKernel : OpKernel
{
    public override Status Prepare(KernelContext context, ref Node node) => context.Fail("this kernel refuses"u8);

    public override Status Invoke(KernelContext context, ref Node node) => Status.Ok;
}

/// <summary>A kernel whose Invoke asks to stop the run (<see cref="Status.Abort"/>, TFLM's kTfLiteAbort); counts calls.</summary>
internal sealed class AbortingKernel : OpKernel
{
    public int InvokeCount { get; private set; }

    public override Status Prepare(KernelContext context, ref Node node) => Status.Ok;

    public override Status Invoke(KernelContext context, ref Node node)
    {
        InvokeCount++;
        return Status.Abort;
    }
}
