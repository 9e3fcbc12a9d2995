using System;
using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// DENSIFY's Prepare (TFLite's densify.cc; TFLM has no DENSIFY): the input is a constant float32, float16 or int8 tensor
/// stored sparse, the output the same type and shape, dense. Every piece of the sparsity metadata is checked here, so
/// a malformed one is a clean error and Invoke never leaves the arrays or the output:
/// <list type="bullet">
/// <item>traversal_order has rank + k entries: a permutation of the tensor's dimensions, then one of the k block
/// dimensions (rank .. rank+k-1), as the schema defines it; block_map lists k distinct tensor dimensions in increasing
/// order (the order TFLite's converter writes and its reader assumes);</item>
/// <item>dim_metadata has one entry per traversed dimension; a block dimension's dense_size is its block size, which
/// must divide the dimension it subdivides; a dense dimension's dense_size must equal its extent;</item>
/// <item>a CSR dimension has segments and indices (int32, uint16 or uint8): segments start at 0, never decrease, cover
/// every position of the enclosing dimensions and end within the indices; every index used lies in the dimension;</item>
/// <item>the buffer holds at least as many values as the walk reads.</item>
/// </list>
/// TFLite checks none of these (a bad index writes or reads out of bounds there).
/// </summary>
public static unsafe class DensifyCommon
{
    public const int InputTensor = 0;
    public const int OutputTensor = 0;

    public static Status Prepare(KernelContext context, ref Node node)
    {
        ErrorReporter errors = context.Errors;
        if (node.InputCount != 1 || node.OutputCount != 1) return errors.Fail(Status.Error, "expects 1 input and 1 output"u8);
        TensorInfo input = context.GetInputInfo(ref node, InputTensor);
        TensorInfo output = context.GetOutputInfo(ref node, OutputTensor);
        if (input.Type != TensorType.Float32 && input.Type != TensorType.Float16 && input.Type != TensorType.Int8)
            return context.UnsupportedType(input, "input"u8);
        Status status = context.ExpectType(output, input.Type, "output"u8);
        if (status != Status.Ok) return status;
        if (output.Rank != input.Rank)
            return errors.Fail(Status.Error, "output rank "u8).Append(output.Rank).Append(" differs from the input's "u8).Append(input.Rank);
        for (int d = 0; d < input.Rank; d++)
        {
            if (output.Dim(d) != input.Dim(d))
                return errors.Fail(Status.Error, "output dimension "u8).Append(d).Append(" is "u8).Append(output.Dim(d))
                    .Append(", the input's is "u8).Append(input.Dim(d));
        }
        SparsityParameters sparsity = context.GetSparsity(node.InputIndex(InputTensor), out int storedBytes);
        if (!input.IsConstant || !sparsity.IsPresent)
            return errors.Fail(Status.Error, "input tensor "u8).Append(input.Index).Append(" is not a constant sparse tensor"u8);

        int rank = input.Rank;
        int blocks = sparsity.BlockMap.Count;
        int levelCount = rank + blocks;
        if (levelCount > DensifyOpData.MaxLevels || blocks > rank)
            return errors.Fail(Status.Error, "sparsity: "u8).Append(blocks).Append(" block dimensions for rank "u8).Append(rank)
                .Append(" (at most the rank, and "u8).Append(DensifyOpData.MaxLevels).Append(" traversed dimensions)"u8);
        DensifyOpData* data = (DensifyOpData*)context.AllocatePersistentBuffer(sizeof(DensifyOpData) + levelCount * sizeof(DensifyLevel));
        if (data == null) return errors.LastStatus;
        data->LevelCount = levelCount;
        data->Levels = (DensifyLevel*)(data + 1);
        node.UserData = data;
        status = ResolveLevels(errors, input, sparsity, data->Levels, levelCount, out long valueCount);
        if (status != Status.Ok) return status;
        int elementSize = TensorTypes.ElementSize(input.Type);
        if (valueCount * elementSize > storedBytes)
            return errors.Fail(Status.Error, "sparsity: the metadata walks "u8).Append(valueCount).Append(" values but tensor "u8)
                .Append(input.Index).Append("'s buffer holds "u8).Append(storedBytes / elementSize);
        data->ValueCount = (int)valueCount;
        return Status.Ok;
    }

    private static Status ResolveLevels(ErrorReporter errors, TensorInfo input, SparsityParameters sparsity, DensifyLevel* levels,
        int levelCount, out long valueCount)
    {
        valueCount = 0;
        int rank = input.Rank;
        IntVector order = sparsity.TraversalOrder;
        IntVector blockMap = sparsity.BlockMap;
        if (order.Count != levelCount)
            return errors.Fail(Status.Error, "sparsity: traversal_order has "u8).Append(order.Count).Append(" entries, expected rank "u8)
                .Append(rank).Append(" + "u8).Append(blockMap.Count).Append(" block dimensions"u8);
        if (sparsity.DimensionCount != levelCount)
            return errors.Fail(Status.Error, "sparsity: dim_metadata has "u8).Append(sparsity.DimensionCount).Append(" entries, expected "u8).Append(levelCount);

        // traversal_order: the tensor dimensions in some order, then the block dimensions in some order.
        uint seen = 0;
        for (int l = 0; l < levelCount; l++)
        {
            int dimension = order[l];
            bool inRange = l < rank ? (uint)dimension < (uint)rank : dimension >= rank && dimension < levelCount;
            if (!inRange || (seen & (1u << dimension)) != 0)
                return errors.Fail(Status.Error, "sparsity: traversal_order["u8).Append(l).Append("] = "u8).Append(dimension)
                    .Append(" is not a permutation of the "u8).Append(l < rank ? "tensor"u8 : "block"u8).Append(" dimensions"u8);
            seen |= 1u << dimension;
        }
        // block_map: increasing tensor dimensions; the block size is the dense_size of the level traversing that block.
        int* blockSize = stackalloc int[DensifyOpData.MaxLevels];
        int* blockOf = stackalloc int[DensifyOpData.MaxLevels]; // block index subdividing a tensor dimension, or -1
        for (int d = 0; d < rank; d++) blockOf[d] = -1;
        for (int b = 0; b < blockMap.Count; b++)
        {
            int dimension = blockMap[b];
            if ((uint)dimension >= (uint)rank || (b > 0 && dimension <= blockMap[b - 1]))
                return errors.Fail(Status.Error, "sparsity: block_map["u8).Append(b).Append("] = "u8).Append(dimension)
                    .Append(" (must be increasing tensor dimensions below "u8).Append(rank).Append(')');
            blockOf[dimension] = b;
            blockSize[b] = 0;
        }
        for (int l = rank; l < levelCount; l++)
        {
            int b = order[l] - rank;
            int size = sparsity.GetDimension(l).DenseSize;
            int extent = input.Dim(blockMap[b]);
            if (size <= 0 || extent % size != 0)
                return errors.Fail(Status.Error, "sparsity: block "u8).Append(b).Append(" has size "u8).Append(size)
                    .Append(", which does not divide dimension "u8).Append(blockMap[b]).Append(" ("u8).Append(extent).Append(')');
            blockSize[b] = size;
        }

        // Strides of the dense output, then each level's extent and step.
        int* stride = stackalloc int[DensifyOpData.MaxLevels];
        int denseCount = 1;
        for (int d = rank - 1; d >= 0; d--)
        {
            stride[d] = denseCount;
            denseCount *= input.Dim(d);
        }
        long positions = 1; // positions of the enclosing levels entering level l
        for (int l = 0; l < levelCount; l++)
        {
            int dimension = order[l];
            DensifyLevel* level = &levels[l];
            if (dimension < rank)
            {
                int b = blockOf[dimension];
                level->Size = b < 0 ? input.Dim(dimension) : input.Dim(dimension) / blockSize[b];
                level->Stride = b < 0 ? stride[dimension] : stride[dimension] * blockSize[b];
            }
            else
            {
                level->Size = blockSize[dimension - rank];
                level->Stride = stride[blockMap[dimension - rank]];
            }
            DimensionMetadata metadata = sparsity.GetDimension(l);
            Status status = metadata.Format == DimensionType.DENSE
                ? ResolveDense(errors, l, metadata, level, ref positions)
                : ResolveCompressed(errors, l, metadata, level, ref positions);
            if (status != Status.Ok) return status;
        }
        valueCount = positions;
        return Status.Ok;
    }

    private static Status ResolveDense(ErrorReporter errors, int l, DimensionMetadata metadata, DensifyLevel* level, ref long positions)
    {
        level->SegmentsType = SparseIndexVector.NONE;
        level->IndicesType = SparseIndexVector.NONE;
        level->Segments = null;
        level->Indices = null;
        if (metadata.DenseSize != level->Size)
            return errors.Fail(Status.Error, "sparsity: dim_metadata["u8).Append(l).Append("] is dense with dense_size "u8)
                .Append(metadata.DenseSize).Append(", the traversed dimension has "u8).Append(level->Size);
        positions *= level->Size; // at most the dense element count, so no overflow
        return Status.Ok;
    }

    private static Status ResolveCompressed(ErrorReporter errors, int l, DimensionMetadata metadata, DensifyLevel* level, ref long positions)
    {
        if (metadata.Format != DimensionType.SPARSE_CSR)
            return errors.Fail(Status.Error, "sparsity: dim_metadata["u8).Append(l).Append("] has unknown format "u8).Append((int)metadata.Format);
        SparseIndices segments = metadata.ArraySegments;
        SparseIndices indices = metadata.ArrayIndices;
        if (!segments.IsPresent || !indices.IsPresent)
            return errors.Fail(Status.Error, "sparsity: dim_metadata["u8).Append(l).Append("] is SPARSE_CSR without array_segments and array_indices"u8);
        if (segments.Count < positions + 1)
            return errors.Fail(Status.Error, "sparsity: dim_metadata["u8).Append(l).Append("] has "u8).Append(segments.Count)
                .Append(" segments for "u8).Append(positions).Append(" positions (needs positions + 1)"u8);
        int count = (int)positions;
        if (segments[0] != 0)
            return errors.Fail(Status.Error, "sparsity: dim_metadata["u8).Append(l).Append("] segments start at "u8).Append(segments[0]).Append(", not 0"u8);
        for (int p = 0; p < count; p++)
        {
            if (segments[p + 1] < segments[p])
                return errors.Fail(Status.Error, "sparsity: dim_metadata["u8).Append(l).Append("] segments decrease at "u8).Append(p + 1)
                    .Append(" ("u8).Append(segments[p]).Append(" then "u8).Append(segments[p + 1]).Append(')');
        }
        int used = segments[count];
        if (used > indices.Count)
            return errors.Fail(Status.Error, "sparsity: dim_metadata["u8).Append(l).Append("] segments end at "u8).Append(used)
                .Append(" but there are "u8).Append(indices.Count).Append(" indices"u8);
        for (int i = 0; i < used; i++)
        {
            int index = indices[i];
            if ((uint)index >= (uint)level->Size)
                return errors.Fail(Status.Error, "sparsity: dim_metadata["u8).Append(l).Append("] index "u8).Append(i).Append(" is "u8)
                    .Append(index).Append(", outside the dimension (size "u8).Append(level->Size).Append(')');
        }
        level->SegmentsType = segments.Type;
        level->Segments = segments.Items;
        level->IndicesType = indices.Type;
        level->Indices = indices.Items;
        positions = used;
        return Status.Ok;
    }
}
