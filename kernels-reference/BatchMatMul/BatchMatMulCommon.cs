using System;
using System.Runtime.CompilerServices;
using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// BATCH_MATMUL's Init and Prepare, shared with ports (TFLM's batch_matmul.cc / batch_matmul_common.cc): checks
/// types, ranks (2 to 5), batch broadcasting and the inner dimension, writes the output shape, computes the
/// requantization and plans the operand transposes into <see cref="BatchMatMulOpData"/>.
/// </summary>
public static unsafe class BatchMatMulCommon
{
    public const int LhsTensor = 0;
    public const int RhsTensor = 1;
    public const int OutputTensor = 0;

    public const int MinRank = 2;
    public const int MaxRank = 5;

    public static Status Init(KernelContext context, ref Node node)
    {
        void* data = context.AllocatePersistentBuffer(sizeof(BatchMatMulOpData));
        if (data == null) return context.Errors.LastStatus;
        *(BatchMatMulOpData*)data = default;
        node.UserData = data;
        return Status.Ok;
    }

    public static Status Prepare(KernelContext context, ref Node node)
    {
        BatchMatMulOpData* data = (BatchMatMulOpData*)node.UserData;
        ErrorReporter errors = context.Errors;
        if (node.InputCount != 2 || node.OutputCount != 1)
            return errors.Fail(Status.Error, "expects 2 inputs and 1 output, got "u8).Append(node.InputCount)
                .Append(" inputs and "u8).Append(node.OutputCount).Append(" outputs"u8);

        TensorInfo lhs = context.GetInputInfo(ref node, LhsTensor);
        TensorInfo rhs = context.GetInputInfo(ref node, RhsTensor);
        TensorInfo output = context.GetOutputInfo(ref node, OutputTensor);
        if (lhs.Type != TensorType.Float32 && lhs.Type != TensorType.Int8 && lhs.Type != TensorType.Int16)
            return context.UnsupportedType(lhs, "lhs"u8);
        // Both operands and the output share one type (TFLM has no hybrid or int32-output variant).
        Status status = context.ExpectType(rhs, lhs.Type, "rhs"u8);
        if (status != Status.Ok) return status;
        status = context.ExpectType(output, lhs.Type, "output"u8);
        if (status != Status.Ok) return status;
        status = CheckRank(errors, lhs, "lhs"u8);
        if (status != Status.Ok) return status;
        status = CheckRank(errors, rhs, "rhs"u8);
        if (status != Status.Ok) return status;

        BatchMatMulOptions options = new BatchMatMulOptions(node.BuiltinOptions);
        data->AdjointLhs = options.AdjX;
        data->AdjointRhs = options.AdjY;

        if (lhs.Type != TensorType.Float32)
        {
            status = PrepareQuantized(errors, data, lhs, rhs, output);
            if (status != Status.Ok) return status;
        }

        status = PrepareShapes(context, ref node, data, lhs, rhs, output);
        if (status != Status.Ok) return status;
        return PrepareTransposes(context, data, lhs, rhs);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Status CheckRank(ErrorReporter errors, TensorInfo tensor, ReadOnlySpan<byte> role) => CheckRankCore(errors, tensor, ErrorReporter.Text(role));

    private static Status CheckRankCore(ErrorReporter errors, TensorInfo tensor, ReadOnlySpan<byte> role)
    {
        if (tensor.Rank >= MinRank && tensor.Rank <= MaxRank) return Status.Ok;
        return errors.Fail(Status.Error, role).Append(" tensor "u8).Append(tensor.Index).Append(" has rank "u8).Append(tensor.Rank)
            .Append(", expected 2 to 5"u8);
    }

    private static Status PrepareQuantized(ErrorReporter errors, BatchMatMulOpData* data, TensorInfo lhs, TensorInfo rhs,
        TensorInfo output)
    {
        if (!lhs.Quantization.HasQuantization || !rhs.Quantization.HasQuantization || !output.Quantization.HasQuantization)
            return errors.Fail(Status.Error, "quantized BATCH_MATMUL needs quantization parameters on lhs, rhs and output"u8);
        if (!QuantizationMath.GetQuantizedConvolutionMultiplier(lhs.Quantization.Scale, rhs.Quantization.Scale,
                output.Quantization.Scale, out SoftDouble multiplier))
            return errors.Fail(Status.Error, "lhs scale × rhs scale must not be negative"u8);
        if (!QuantizationMath.QuantizeMultiplier(multiplier, out data->OutputMultiplier, out data->OutputShift))
            return errors.Fail(Status.Error, "output multiplier is not a finite number"u8);

        data->LhsZeroPoint = lhs.Quantization.ZeroPoint;
        data->RhsZeroPoint = rhs.Quantization.ZeroPoint;
        data->OutputZeroPoint = output.Quantization.ZeroPoint;
        if (lhs.Type == TensorType.Int8)
        {
            // No fused activation: the clamp is the type's range.
            data->OutputActivationMin = sbyte.MinValue;
            data->OutputActivationMax = sbyte.MaxValue;
            return Status.Ok;
        }
        data->OutputActivationMin = short.MinValue;
        data->OutputActivationMax = short.MaxValue;
        if (data->LhsZeroPoint != 0 || data->RhsZeroPoint != 0 || data->OutputZeroPoint != 0)
            return errors.Fail(Status.Error, "int16 BATCH_MATMUL needs zero points of 0, got lhs "u8).Append(data->LhsZeroPoint)
                .Append(", rhs "u8).Append(data->RhsZeroPoint).Append(", output "u8).Append(data->OutputZeroPoint);
        return Status.Ok;
    }

    /// <summary>
    /// Broadcasts the batch dimensions, checks K, writes the output dims (as TFLM does: the output keeps its element
    /// count and may not gain rank) and fills the geometry with batch strides (0 for a broadcast dimension).
    /// </summary>
    private static Status PrepareShapes(KernelContext context, ref Node node, BatchMatMulOpData* data, TensorInfo lhs,
        TensorInfo rhs, TensorInfo output)
    {
        ErrorReporter errors = context.Errors;
        Span<int> lhsShape = stackalloc int[MaxRank];
        Span<int> rhsShape = stackalloc int[MaxRank];
        Span<int> outputShape = stackalloc int[MaxRank];
        ExtendTo(lhs, lhsShape);
        ExtendTo(rhs, rhsShape);

        for (int d = 0; d < MaxRank - 2; d++)
        {
            int l = lhsShape[d];
            int r = rhsShape[d];
            if (l != r && l != 1 && r != 1)
                return errors.Fail(Status.Error, "batch dimensions do not broadcast: lhs tensor "u8).Append(lhs.Index)
                    .Append(" has "u8).Append(l).Append(", rhs tensor "u8).Append(rhs.Index).Append(" has "u8).Append(r)
                    .Append(" (dimension "u8).Append(d - (MaxRank - Max(lhs.Rank, rhs.Rank))).Append(')');
            outputShape[d] = l == 1 ? r : l;
        }

        int lhsRows = data->AdjointLhs ? lhsShape[4] : lhsShape[3];
        int lhsDepth = data->AdjointLhs ? lhsShape[3] : lhsShape[4];
        int rhsDepth = data->AdjointRhs ? rhsShape[4] : rhsShape[3];
        int rhsColumns = data->AdjointRhs ? rhsShape[3] : rhsShape[4];
        if (lhsDepth != rhsDepth)
            return errors.Fail(Status.Error, "inner dimensions differ: lhs tensor "u8).Append(lhs.Index).Append(" has "u8)
                .Append(lhsDepth).Append(", rhs tensor "u8).Append(rhs.Index).Append(" has "u8).Append(rhsDepth);
        outputShape[3] = lhsRows;
        outputShape[4] = rhsColumns;

        int outputRank = Max(lhs.Rank, rhs.Rank);
        if (outputRank > output.Rank)
            return errors.Fail(Status.Error, "output tensor "u8).Append(output.Index).Append(" has rank "u8).Append(output.Rank)
                .Append(", the product needs "u8).Append(outputRank);
        int outputElements = 1;
        for (int d = 0; d < MaxRank; d++) outputElements *= outputShape[d];
        if (outputElements != output.ElementCount)
            return errors.Fail(Status.Error, "output tensor "u8).Append(output.Index).Append(" has "u8).Append(output.ElementCount)
                .Append(" elements, the product has "u8).Append(outputElements);
        int* dims = context.CreateWritableDims(output.Index);
        if (dims == null) return errors.LastStatus;
        dims[0] = outputRank;
        for (int d = 0; d < outputRank; d++) dims[1 + d] = outputShape[MaxRank - outputRank + d];

        BatchMatMulGeometry* geometry = &data->Geometry;
        geometry->LhsRows = lhsRows;
        geometry->RhsColumns = rhsColumns;
        geometry->AccumulationDepth = lhsDepth;
        int lhsStride = lhsRows * lhsDepth;
        int rhsStride = rhsColumns * rhsDepth;
        for (int d = MaxRank - 3; d >= 0; d--)
        {
            geometry->OutputBatch[d] = outputShape[d];
            geometry->LhsBatchStride[d] = lhsShape[d] == 1 ? 0 : lhsStride;
            geometry->RhsBatchStride[d] = rhsShape[d] == 1 ? 0 : rhsStride;
            lhsStride *= lhsShape[d];
            rhsStride *= rhsShape[d];
        }

        data->LhsStoredRows = lhsShape[3];
        data->LhsStoredColumns = lhsShape[4];
        data->LhsMatrices = lhsShape[0] * lhsShape[1] * lhsShape[2];
        data->RhsStoredRows = rhsShape[3];
        data->RhsStoredColumns = rhsShape[4];
        data->RhsMatrices = rhsShape[0] * rhsShape[1] * rhsShape[2];
        return Status.Ok;
    }

    /// <summary>
    /// The math wants the LHS as [.., M, K] and the RHS as [.., N, K]: an LHS with adj_x and an RHS without adj_y
    /// are transposed. A constant operand is transposed once, here, into persistent memory (TFLM does the same for a
    /// constant RHS, on its first Invoke); a variable one gets a scratch buffer and is transposed at every Invoke.
    /// </summary>
    private static Status PrepareTransposes(KernelContext context, BatchMatMulOpData* data, TensorInfo lhs, TensorInfo rhs)
    {
        data->LhsScratchIndex = -1;
        data->RhsScratchIndex = -1;
        data->ConstantLhsTransposed = null;
        data->ConstantRhsTransposed = null;
        if (data->AdjointLhs)
        {
            Status status = PrepareTranspose(context, lhs, data->LhsMatrices, data->LhsStoredRows, data->LhsStoredColumns,
                out data->ConstantLhsTransposed, out data->LhsScratchIndex);
            if (status != Status.Ok) return status;
        }
        if (!data->AdjointRhs)
        {
            return PrepareTranspose(context, rhs, data->RhsMatrices, data->RhsStoredRows, data->RhsStoredColumns,
                out data->ConstantRhsTransposed, out data->RhsScratchIndex);
        }
        return Status.Ok;
    }

    private static Status PrepareTranspose(KernelContext context, TensorInfo tensor, int matrices, int rows, int columns,
        out void* constantTransposed, out int scratchIndex)
    {
        constantTransposed = null;
        scratchIndex = -1;
        int bytes = tensor.ByteCount;
        if (bytes == 0) return Status.Ok; // empty operand: nothing to transpose (Invoke uses it as stored)
        if (!(tensor.IsConstant && tensor.Data != null))
            return context.RequestScratchBuffer(bytes, out scratchIndex);

        constantTransposed = context.AllocatePersistentBuffer(bytes);
        if (constantTransposed == null) return context.Errors.LastStatus;
        Transpose(tensor.Type, tensor.Data, constantTransposed, tensor.ElementCount, matrices, rows, columns);
        return Status.Ok;
    }

    /// <summary>Transposes the last two dimensions of a float32/int8/int16 buffer (used by Prepare and Invoke).</summary>
    public static void Transpose(TensorType type, void* input, void* output, int elementCount, int matrices, int rows, int columns)
    {
        switch (type)
        {
            case TensorType.Float32:
                BatchMatMulMath.TransposeMatrices(new ReadOnlySpan<float>(input, elementCount), new Span<float>(output, elementCount),
                    matrices, rows, columns);
                break;
            case TensorType.Int8:
                BatchMatMulMath.TransposeMatrices(new ReadOnlySpan<sbyte>(input, elementCount), new Span<sbyte>(output, elementCount),
                    matrices, rows, columns);
                break;
            default:
                BatchMatMulMath.TransposeMatrices(new ReadOnlySpan<short>(input, elementCount), new Span<short>(output, elementCount),
                    matrices, rows, columns);
                break;
        }
    }

    /// <summary>The tensor's shape with ones added on the left up to rank 5.</summary>
    private static void ExtendTo(TensorInfo tensor, Span<int> shape)
    {
        int pad = MaxRank - tensor.Rank;
        for (int d = 0; d < MaxRank; d++) shape[d] = d < pad ? 1 : tensor.Dim(d - pad);
    }

    private static int Max(int a, int b) => a > b ? a : b;
}
