using System;

namespace TfLiteMicro;

/// <summary>Helpers over length-prefixed dimension arrays (count, then dims) as stored in the model.</summary>
public static unsafe class Dimensions
{
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
