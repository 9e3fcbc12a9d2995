using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// Checks and small helpers shared by the shape and data-movement kernels (SLICE, PACK, SPLIT, GATHER, ...):
/// type sets as bit masks (no collections on bare metal), shape comparison with messages that name the tensor and
/// both shapes, reading integer shape/index tensors of either int32 or int64, and byte copies.
/// </summary>
public static unsafe class ShapeChecks
{
    /// <summary>Most dimensions any of these kernels handles (TFLite's RuntimeShape small-size limit).</summary>
    public const int MaxRank = 8;

    /// <summary>The bit of <paramref name="type"/> in a type mask.</summary>
    public static uint Bit(TensorType type) => 1u << (int)type;

    /// <summary>float32, int8, int16, int32, int64, bool, uint8: every type these kernels can move as raw bytes.</summary>
    public static uint PlainTypes => Bit(TensorType.Float32) | Bit(TensorType.Int8) | Bit(TensorType.Int16) | Bit(TensorType.Int32)
        | Bit(TensorType.Int64) | Bit(TensorType.Bool) | Bit(TensorType.UInt8);

    /// <summary>Fails unless the tensor's type is in <paramref name="mask"/>.</summary>
    public static Status ExpectTypeIn(KernelContext context, TensorInfo tensor, uint mask, ReadOnlySpan<byte> role)
    {
        if ((int)tensor.Type < 32 && (mask & Bit(tensor.Type)) != 0) return Status.Ok;
        return context.UnsupportedType(tensor, role);
    }

    /// <summary>Fails unless both tensors have the same type (the output follows the input, as in TFLM).</summary>
    public static Status ExpectSameType(KernelContext context, TensorInfo tensor, TensorInfo reference, ReadOnlySpan<byte> role, ReadOnlySpan<byte> referenceRole)
    {
        if (tensor.Type == reference.Type) return Status.Ok;
        return context.Errors.Fail(Status.Error, role).Append(" tensor "u8).Append(tensor.Index).Append(" has type "u8)
            .Append(TensorTypes.Name(tensor.Type)).Append(", "u8).Append(referenceRole).Append(" tensor "u8).Append(reference.Index)
            .Append(" has "u8).Append(TensorTypes.Name(reference.Type));
    }

    /// <summary>Fails unless a node has exactly the given numbers of inputs and outputs.</summary>
    public static Status ExpectCounts(ErrorReporter errors, ref Node node, int inputs, int outputs)
    {
        if (node.InputCount == inputs && node.OutputCount == outputs) return Status.Ok;
        return errors.Fail(Status.Error, "expects "u8).Append(inputs).Append(" inputs and "u8).Append(outputs).Append(" outputs, got "u8)
            .Append(node.InputCount).Append(" and "u8).Append(node.OutputCount);
    }

    /// <summary>Writes "[d0, d1, ...]".</summary>
    public static ErrorReporter AppendShape(ErrorReporter report, ReadOnlySpan<int> shape)
    {
        report.Append('[');
        for (int i = 0; i < shape.Length; i++)
        {
            if (i > 0) report.Append(", "u8);
            report.Append(shape[i]);
        }
        return report.Append(']');
    }

    public static bool SameShape(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        if (a.Length != b.Length) return false;
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i]) return false;
        }
        return true;
    }

    /// <summary>Fails with "ROLE tensor N has shape [..], expected [..]" unless the shapes are equal.</summary>
    public static Status ExpectShape(ErrorReporter errors, TensorInfo tensor, ReadOnlySpan<byte> role, ReadOnlySpan<int> expected)
    {
        if (SameShape(tensor.Shape, expected)) return Status.Ok;
        ErrorReporter report = errors.Fail(Status.Error, role).Append(" tensor "u8).Append(tensor.Index).Append(" has shape "u8);
        AppendShape(report, tensor.Shape).Append(", expected "u8);
        AppendShape(report, expected);
        return Status.Error;
    }

    /// <summary>
    /// <see cref="ExpectShape(ErrorReporter, TensorInfo, ReadOnlySpan{byte}, ReadOnlySpan{int})"/> for a shape computed in
    /// 64 bits from model values (so that no wrapped value can match by accident), usable at Invoke too.
    /// </summary>
    public static Status ExpectShape(ErrorReporter errors, int tensorIndex, ReadOnlySpan<int> actual, ReadOnlySpan<byte> role,
        ReadOnlySpan<long> expected)
    {
        bool same = actual.Length == expected.Length;
        for (int d = 0; d < actual.Length && same; d++) same = actual[d] == expected[d];
        if (same) return Status.Ok;
        ErrorReporter report = errors.Fail(Status.Error, role).Append(" tensor "u8).Append(tensorIndex).Append(" has shape "u8);
        AppendShape(report, actual).Append(", expected ["u8);
        for (int d = 0; d < expected.Length; d++)
        {
            if (d > 0) report.Append(", "u8);
            report.Append(expected[d]);
        }
        report.Append(']');
        return Status.Error;
    }

    /// <summary>Fails unless the tensor's rank is <paramref name="rank"/>.</summary>
    public static Status ExpectRank(ErrorReporter errors, TensorInfo tensor, ReadOnlySpan<byte> role, int rank)
    {
        if (tensor.Rank == rank) return Status.Ok;
        ErrorReporter report = errors.Fail(Status.Error, role).Append(" tensor "u8).Append(tensor.Index).Append(" has shape "u8);
        AppendShape(report, tensor.Shape).Append(", expected rank "u8).Append(rank);
        return Status.Error;
    }

    /// <summary>Fails unless the tensor's rank lies in [min, max].</summary>
    public static Status ExpectRankBetween(ErrorReporter errors, TensorInfo tensor, ReadOnlySpan<byte> role, int min, int max)
    {
        if (tensor.Rank >= min && tensor.Rank <= max) return Status.Ok;
        ErrorReporter report = errors.Fail(Status.Error, role).Append(" tensor "u8).Append(tensor.Index).Append(" has shape "u8);
        AppendShape(report, tensor.Shape).Append(", rank must be "u8).Append(min).Append(" to "u8).Append(max);
        return Status.Error;
    }

    /// <summary>Fails unless an integer operand (indices, shapes, axes) is int32, or int64 when allowed.</summary>
    public static Status ExpectIndexType(KernelContext context, TensorInfo tensor, ReadOnlySpan<byte> role, bool allowInt64)
    {
        if (tensor.Type == TensorType.Int32 || (allowInt64 && tensor.Type == TensorType.Int64)) return Status.Ok;
        return context.UnsupportedType(tensor, role);
    }

    /// <summary>Element <paramref name="i"/> of an int32 or int64 tensor whose data is known (constant, or at Invoke).</summary>
    public static long ReadInteger(void* data, TensorType type, int i)
    {
        switch (type)
        {
            case TensorType.Int64: return ((long*)data)[i];
            case TensorType.Int16: return ((short*)data)[i];
            case TensorType.Int8: return ((sbyte*)data)[i];
            default: return ((int*)data)[i];
        }
    }

    /// <summary>Element <paramref name="i"/> of a constant integer tensor (Prepare time).</summary>
    public static long ReadInteger(TensorInfo tensor, int i) => ReadInteger(tensor.Data, tensor.Type, i);

    /// <summary>Element <paramref name="i"/> of an integer tensor at Invoke.</summary>
    public static long ReadInteger(ref EvalTensor tensor, int i) => ReadInteger(tensor.Data, tensor.Type, i);

    /// <summary>True when the tensor's values can be read during Prepare.</summary>
    public static bool IsKnown(TensorInfo tensor) => tensor.IsConstant && tensor.Data != null;

    /// <summary>Product of shape[from..to).</summary>
    public static int Product(ReadOnlySpan<int> shape, int from, int to)
    {
        int product = 1;
        for (int i = from; i < to; i++) product *= shape[i];
        return product;
    }

    /// <summary>Copies <paramref name="bytes"/> bytes (regions must not overlap unless they are the same).</summary>
    public static void CopyBytes(void* source, void* destination, int bytes)
    {
        if (source == destination || bytes <= 0) return;
        new ReadOnlySpan<byte>(source, bytes).CopyTo(new Span<byte>(destination, bytes));
    }

    /// <summary>Bytes per element of a type these kernels move (0 if unknown).</summary>
    public static int ElementSize(TensorType type) => TensorTypes.ElementSize(type);
}
