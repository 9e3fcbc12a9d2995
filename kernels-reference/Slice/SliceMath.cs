using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>SLICE: resolving begin/size and copying an axis-aligned box out of a tensor.</summary>
public static unsafe class SliceMath
{
    /// <summary>
    /// Resolves begin/size (int32 or int64, one per dimension) into starts and sizes, size -1 meaning "to the end";
    /// fails as TFLM does when a begin lies outside [0, dim] or a size outside [0, dim - begin].
    /// </summary>
    public static Status Resolve(void* begin, void* size, TensorType indexType, ReadOnlySpan<int> shape, int* starts, int* sizes,
        ErrorReporter errors)
    {
        for (int d = 0; d < shape.Length; d++)
        {
            long start = ShapeChecks.ReadInteger(begin, indexType, d);
            long length = ShapeChecks.ReadInteger(size, indexType, d);
            if (start < 0 || start > shape[d])
                return errors.Fail(Status.Error, "begin["u8).Append(d).Append("] = "u8).Append(start).Append(" is outside [0, "u8)
                    .Append(shape[d]).Append(']');
            long remaining = shape[d] - start;
            long resolved = length == -1 ? remaining : length;
            if (resolved < 0 || resolved > remaining)
                return errors.Fail(Status.Error, "size["u8).Append(d).Append("] = "u8).Append(length).Append(" does not fit: "u8)
                    .Append(remaining).Append(" elements remain after begin "u8).Append(start);
            starts[d] = (int)start;
            sizes[d] = (int)resolved;
        }
        return Status.Ok;
    }

    /// <summary>
    /// Copies the box starts[d] .. starts[d] + sizes[d] of a row-major tensor into a dense output, row by row
    /// along the last dimension.
    /// </summary>
    public static void CopyBox(byte* input, ReadOnlySpan<int> shape, int* starts, int* sizes, byte* output, int elementSize)
    {
        int rank = shape.Length;
        if (rank == 0)
        {
            ShapeChecks.CopyBytes(input, output, elementSize);
            return;
        }
        long total = 1;
        for (int d = 0; d < rank; d++) total *= sizes[d];
        if (total == 0) return;
        long* stride = stackalloc long[ShapeChecks.MaxRank];
        int* counter = stackalloc int[ShapeChecks.MaxRank];
        long s = elementSize;
        for (int d = rank - 1; d >= 0; d--)
        {
            stride[d] = s;
            s *= shape[d];
            counter[d] = 0;
        }
        int rowBytes = sizes[rank - 1] * elementSize;
        long rows = total / sizes[rank - 1];
        for (long row = 0; row < rows; row++)
        {
            long offset = 0;
            for (int d = 0; d < rank; d++) offset += (starts[d] + counter[d]) * stride[d];
            ShapeChecks.CopyBytes(input + offset, output + row * rowBytes, rowBytes);
            for (int d = rank - 2; d >= 0; d--)
            {
                if (++counter[d] < sizes[d]) break;
                counter[d] = 0;
            }
        }
    }
}
