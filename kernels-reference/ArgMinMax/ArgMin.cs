namespace TfLiteMicro.Kernels.Reference;

/// <summary>ARG_MIN: index of the smallest value along the axis (see <see cref="ArgMinMaxCommon"/>).</summary>
public sealed class ArgMin : OpKernel
{
    public static readonly ArgMin Kernel = new ArgMin();

    public override Status Prepare(KernelContext context, ref Node node) => ArgMinMaxCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node) => ArgMinMaxCommon.Invoke(context, ref node, isMax: false);
}
