namespace TfLiteMicro.Kernels.Reference;

/// <summary>MAXIMUM (float32, int8, int16, int32, int64) with broadcasting.</summary>
public sealed class Maximum : OpKernel
{
    public static readonly Maximum Kernel = new Maximum();

    public override Status Init(KernelContext context, ref Node node) => MaximumMinimumCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => MaximumMinimumCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node) => MaximumMinimumCommon.Invoke(context, ref node, maximum: true);
}
