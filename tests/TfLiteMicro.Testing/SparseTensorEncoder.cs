using System;
using System.Collections.Generic;
using System.Linq;
using TfLiteMicro.Schema;
using TfLiteMicro.Tools.FlatBuffers;

namespace TfLiteMicro.Testing;

/// <summary>
/// Writes a dense tensor in TFLite's sparse format (schema <c>SparsityParameters</c>), written here from the schema's
/// description, independently of the DENSIFY kernel: the dense tensor is walked in traversal order over its (blocked)
/// dimensions and the block dimensions; a CSR dimension keeps only the coordinates whose sub-tensor holds a non-zero
/// value, a dense one keeps all. Returns the stored values and the metadata table for <see cref="SubgraphBuilder.AddTensor"/>.
/// </summary>
public static class SparseTensorEncoder
{
    public sealed class Encoded<T>
    {
        public required T[] Values { get; init; }
        public required int[] TraversalOrder { get; init; }
        public required int[] BlockMap { get; init; }
        public required int[] DenseSizes { get; init; }
        public required bool[] Compressed { get; init; }
        public required List<int>[] Segments { get; init; }
        public required List<int>[] Indices { get; init; }

        /// <summary>The SparsityParameters table with index arrays of <paramref name="indexType"/>.</summary>
        public FbTable ToTable(SparseIndexVector indexType = SparseIndexVector.Int32Vector)
        {
            var dims = new List<FbObject>();
            for (int l = 0; l < TraversalOrder.Length; l++)
            {
                var dim = new FbTable().Scalar(0, (sbyte)(Compressed[l] ? DimensionType.SPARSE_CSR : DimensionType.DENSE)).Scalar(1, DenseSizes[l]);
                if (Compressed[l])
                {
                    dim.Scalar(2, (byte)indexType).Child(3, IndexTable(Segments[l], indexType))
                        .Scalar(4, (byte)indexType).Child(5, IndexTable(Indices[l], indexType));
                }
                dims.Add(dim);
            }
            var table = new FbTable().Child(0, FbScalarVector.Of(TraversalOrder)).Child(2, new FbTableVector(dims));
            if (BlockMap.Length > 0) table.Child(1, FbScalarVector.Of(BlockMap));
            return table;
        }
    }

    /// <summary>A union value table (Int32Vector, Uint16Vector or Uint8Vector) holding <paramref name="values"/>.</summary>
    public static FbTable IndexTable(IReadOnlyList<int> values, SparseIndexVector type)
    {
        FbScalarVector vector = type switch
        {
            SparseIndexVector.Int32Vector => FbScalarVector.Of(values.ToArray()),
            SparseIndexVector.Uint16Vector => new FbScalarVector(values.SelectMany(v => BitConverter.GetBytes(checked((ushort)v))).ToArray(), 2, 4),
            _ => new FbScalarVector(values.Select(v => checked((byte)v)).ToArray(), 1, 4),
        };
        return new FbTable().Child(0, vector);
    }

    /// <param name="compressed">Per traversed dimension (in traversal order): CSR (true) or dense.</param>
    /// <param name="blockSizes">One per entry of <paramref name="blockMap"/>.</param>
    public static Encoded<T> Encode<T>(T[] dense, int[] shape, int[] traversalOrder, bool[] compressed, int[]? blockMap = null,
        int[]? blockSizes = null) where T : IEquatable<T>
    {
        blockMap ??= Array.Empty<int>();
        blockSizes ??= Array.Empty<int>();
        int rank = shape.Length, levels = traversalOrder.Length;
        // Extent of each expanded dimension: tensor dimensions (divided by their block size), then block dimensions.
        int[] extent = new int[levels];
        for (int d = 0; d < rank; d++) extent[d] = shape[d];
        for (int b = 0; b < blockMap.Length; b++)
        {
            extent[blockMap[b]] = shape[blockMap[b]] / blockSizes[b];
            extent[rank + b] = blockSizes[b];
        }
        int[] denseSizes = traversalOrder.Select(e => extent[e]).ToArray();
        var segments = Enumerable.Range(0, levels).Select(l => compressed[l] ? new List<int> { 0 } : new List<int>()).ToArray();
        var indices = Enumerable.Range(0, levels).Select(_ => new List<int>()).ToArray();
        var values = new List<T>();
        int[] coordinate = new int[levels]; // by expanded dimension

        int DenseIndex()
        {
            int index = 0;
            for (int d = 0; d < rank; d++)
            {
                int b = Array.IndexOf(blockMap, d);
                int value = b < 0 ? coordinate[d] : coordinate[d] * blockSizes[b] + coordinate[rank + b];
                index = index * shape[d] + value;
            }
            return index;
        }

        bool HasNonZero(int level)
        {
            if (level == levels) return !dense[DenseIndex()].Equals(default!);
            int e = traversalOrder[level];
            for (int c = 0; c < extent[e]; c++)
            {
                coordinate[e] = c;
                if (HasNonZero(level + 1)) return true;
            }
            return false;
        }

        void Walk(int level)
        {
            if (level == levels)
            {
                values.Add(dense[DenseIndex()]);
                return;
            }
            int e = traversalOrder[level];
            for (int c = 0; c < extent[e]; c++)
            {
                coordinate[e] = c;
                if (compressed[level])
                {
                    if (!HasNonZero(level + 1)) continue;
                    coordinate[e] = c;
                    indices[level].Add(c);
                }
                Walk(level + 1);
                coordinate[e] = c;
            }
            if (compressed[level]) segments[level].Add(indices[level].Count);
        }

        Walk(0);
        return new Encoded<T>
        {
            Values = values.ToArray(), TraversalOrder = traversalOrder, BlockMap = blockMap, DenseSizes = denseSizes,
            Compressed = compressed, Segments = segments, Indices = indices,
        };
    }
}
