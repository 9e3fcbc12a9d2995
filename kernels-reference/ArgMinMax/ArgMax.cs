namespace TfLiteMicro.Kernels.Reference;

/// <summary>ARG_MAX: index of the largest value along the axis (see <see cref="ArgMinMaxCommon"/>).</summary>
public sealed class ArgMax : OpKernel
{
    public static readonly ArgMax Kernel = new ArgMax();

    public override Status Prepare(KernelContext context, ref Node node) => ArgMinMaxCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node) => ArgMinMaxCommon.Invoke(context, ref node, isMax: true);
}
