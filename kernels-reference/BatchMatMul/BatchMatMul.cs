namespace TfLiteMicro.Kernels.Reference;

/// <summary>BATCH_MATMUL (float32, int8, int16; adj_x/adj_y; broadcast batch dimensions; ranks 2 to 5).</summary>
public sealed unsafe class BatchMatMul : OpKernel
{
    public static readonly BatchMatMul Kernel = new BatchMatMul();

    public override Status Init(KernelContext context, ref Node node) => BatchMatMulCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => BatchMatMulCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        BatchMatMulOpData* data = (BatchMatMulOpData*)node.UserData;
        ref EvalTensor lhs = ref context.GetInput(ref node, BatchMatMulCommon.LhsTensor);
        ref EvalTensor rhs = ref context.GetInput(ref node, BatchMatMulCommon.RhsTensor);
        ref EvalTensor output = ref context.GetOutput(ref node, BatchMatMulCommon.OutputTensor);

        int lhsCount = lhs.ElementCount;
        int rhsCount = rhs.ElementCount;
        void* lhsData = Operand(context, ref lhs, lhsCount, data->AdjointLhs, data->ConstantLhsTransposed, data->LhsScratchIndex,
            data->LhsMatrices, data->LhsStoredRows, data->LhsStoredColumns);
        void* rhsData = Operand(context, ref rhs, rhsCount, !data->AdjointRhs, data->ConstantRhsTransposed, data->RhsScratchIndex,
            data->RhsMatrices, data->RhsStoredRows, data->RhsStoredColumns);

        switch (lhs.Type)
        {
            case TensorType.Float32:
                BatchMatMulMath.EvalFloat(new System.ReadOnlySpan<float>(lhsData, lhsCount),
                    new System.ReadOnlySpan<float>(rhsData, rhsCount), output.AsSpan<float>(), data->Geometry);
                return Status.Ok;
            case TensorType.Int8:
                BatchMatMulMath.EvalInt8(new System.ReadOnlySpan<sbyte>(lhsData, lhsCount),
                    new System.ReadOnlySpan<sbyte>(rhsData, rhsCount), output.AsSpan<sbyte>(), data->Geometry,
                    -data->LhsZeroPoint, -data->RhsZeroPoint, data->OutputZeroPoint, data->OutputMultiplier, data->OutputShift,
                    data->OutputActivationMin, data->OutputActivationMax);
                return Status.Ok;
            case TensorType.Int16:
                BatchMatMulMath.EvalInt16(new System.ReadOnlySpan<short>(lhsData, lhsCount),
                    new System.ReadOnlySpan<short>(rhsData, rhsCount), output.AsSpan<short>(), data->Geometry,
                    -data->LhsZeroPoint, -data->RhsZeroPoint, data->OutputZeroPoint, data->OutputMultiplier, data->OutputShift,
                    data->OutputActivationMin, data->OutputActivationMax);
                return Status.Ok;
            default:
                return context.Errors.Fail(Status.Error, "unsupported input type "u8).Append(TensorTypes.Name(lhs.Type));
        }
    }

    /// <summary>The operand in the layout the math wants: as stored, pre-transposed at Prepare, or transposed now.</summary>
    private static void* Operand(KernelContext context, ref EvalTensor tensor, int count, bool transpose, void* constantTransposed,
        int scratchIndex, int matrices, int rows, int columns)
    {
        if (!transpose || count == 0) return tensor.Data;
        if (constantTransposed != null) return constantTransposed;
        void* scratch = context.GetScratchBuffer(scratchIndex);
        BatchMatMulCommon.Transpose(tensor.Type, tensor.Data, scratch, count, matrices, rows, columns);
        return scratch;
    }
}
