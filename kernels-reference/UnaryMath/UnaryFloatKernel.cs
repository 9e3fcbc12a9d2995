namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// Base of the float32-only one-input ops (NEG, SQRT, EXP, LOG, SIN, COS, SQUARE, FLOOR, CEIL, ROUND): Prepare
/// accepts float32 only, as TFLM does; each op's Invoke applies its function from <see cref="UnaryMath"/>.
/// </summary>
public abstract class UnaryFloatKernel : OpKernel
{
    private readonly bool requireSameShape;

    /// <param name="requireSameShape">True where TFLM's Prepare checks the output dims (EXP, CEIL, ROUND).</param>
    protected UnaryFloatKernel(bool requireSameShape)
    {
        this.requireSameShape = requireSameShape;
    }

    public override Status Prepare(KernelContext context, ref Node node) =>
        UnaryOpPrepare.CheckSingleType(context, ref node, TensorType.Float32, requireSameShape);
}
