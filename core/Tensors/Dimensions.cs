using System;

namespace TfLiteMicro;

/// <summary>Helpers over length-prefixed dimension arrays (count, then dims) as stored in the model.</summary>
public static unsafe class Dimensions
{
    /// <summary>
    /// Largest byte size a tensor may have: below 2^31 with room to align up to 16 without wrapping, so every element
    /// and byte count of a checked shape fits an <c>int</c> (the verifier and the interpreter refuse larger shapes).
    /// </summary>
    public const int MaxByteCount = int.MaxValue - 15;

    /// <summary>
    /// Bytes a tensor of <paramref name="type"/> and <paramref name="shape"/> takes, computed without overflow; -1 when
    /// a dimension is negative, the type has no size, or the size exceeds <see cref="MaxByteCount"/>.
    /// </summary>
    public static long CheckedByteCount(TensorType type, ReadOnlySpan<int> shape)
    {
        long elements = 1;
        bool tooMany = false;
        for (int i = 0; i < shape.Length; i++)
        {
            if (shape[i] < 0) return -1;
            elements *= shape[i];
            // Past the limit only "too many" matters (a later 0 still makes the tensor empty); the element count itself
            // must fit too, even for packed sub-byte types.
            if (elements > MaxByteCount)
            {
                tooMany = true;
                elements = 1;
            }
        }
        if (elements == 0) return 0;
        if (tooMany) return -1;
        long bytes = TensorTypes.BytesFor(type, elements);
        return bytes < 0 || bytes > MaxByteCount ? -1 : bytes;
    }

    /// <summary><see cref="CheckedByteCount(TensorType, ReadOnlySpan{int})"/> over length-prefixed dims.</summary>
    public static long CheckedByteCount(TensorType type, int* dims) =>
        CheckedByteCount(type, dims == null ? default : new ReadOnlySpan<int>(dims + 1, dims[0]));

    public static int ElementCount(int* dims)
    {
        int count = 1;
        int rank = dims[0];
        for (int i = 1; i <= rank; i++) count *= dims[i];
        return count;
    }

    public static int ElementCount(ReadOnlySpan<int> shape)
    {
        int count = 1;
        for (int i = 0; i < shape.Length; i++) count *= shape[i];
        return count;
    }

    /// <summary>Overflow-safe element count; -1 if it does not fit an int or a dim is negative.</summary>
    public static long CheckedElementCount(ReadOnlySpan<int> shape)
    {
        long count = 1;
        for (int i = 0; i < shape.Length; i++)
        {
            if (shape[i] < 0) return -1;
            count *= shape[i];
            if (count > int.MaxValue) return -1;
        }
        return count;
    }

    public static bool SameShape(int* a, int* b)
    {
        if (a[0] != b[0]) return false;
        for (int i = 1; i <= a[0]; i++)
        {
            if (a[i] != b[i]) return false;
        }
        return true;
    }
}
