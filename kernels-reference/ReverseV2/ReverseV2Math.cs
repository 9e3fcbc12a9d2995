using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>REVERSE_V2's element mapping: output[i0..in] = input[j0..jn] with jd = dim_d - 1 - id on reversed axes.</summary>
public static unsafe class ReverseV2Math
{
    /// <summary>
    /// Turns the axis list into a bit mask of reversed dimensions; negative axes count from the end. Fails on an
    /// axis outside the rank or listed twice.
    /// </summary>
    public static Status ResolveAxes(int* axes, int count, int rank, out uint mask, ErrorReporter errors)
    {
        mask = 0;
        for (int i = 0; i < count; i++)
        {
            int axis = axes[i] < 0 ? axes[i] + rank : axes[i];
            if (axis < 0 || axis >= rank)
                return errors.Fail(Status.Error, "axis "u8).Append(axes[i]).Append(" is outside the input's "u8).Append(rank)
                    .Append(" dimensions"u8);
            if ((mask & (1u << axis)) != 0)
                return errors.Fail(Status.Error, "axis "u8).Append(axes[i]).Append(" is listed twice"u8);
            mask |= 1u << axis;
        }
        return Status.Ok;
    }

    /// <summary>Writes the input reversed along every dimension whose bit is set in <paramref name="reversedMask"/>.</summary>
    public static void Reverse<T>(ReadOnlySpan<T> input, Span<T> output, ReadOnlySpan<int> shape, uint reversedMask) where T : unmanaged
    {
        int rank = shape.Length;
        int count = input.Length;
        if (rank == 0 || reversedMask == 0)
        {
            input.CopyTo(output);
            return;
        }
        // The innermost dimension is handled as a row (copied or reversed); the outer ones by an index counter.
        int inner = shape[rank - 1];
        bool reverseInner = (reversedMask & (1u << (rank - 1))) != 0;
        int* counter = stackalloc int[ShapeChecks.MaxRank];
        int* stride = stackalloc int[ShapeChecks.MaxRank];
        int s = 1;
        for (int d = rank - 1; d >= 0; d--)
        {
            counter[d] = 0;
            stride[d] = s;
            s *= shape[d];
        }
        if (inner == 0) return;
        for (int outputRow = 0; outputRow < count; outputRow += inner)
        {
            int inputRow = 0;
            for (int d = 0; d < rank - 1; d++)
            {
                int index = (reversedMask & (1u << d)) != 0 ? shape[d] - 1 - counter[d] : counter[d];
                inputRow += index * stride[d];
            }
            if (reverseInner)
            {
                for (int j = 0; j < inner; j++) output[outputRow + j] = input[inputRow + inner - 1 - j];
            }
            else
            {
                input.Slice(inputRow, inner).CopyTo(output.Slice(outputRow, inner));
            }
            for (int d = rank - 2; d >= 0; d--)
            {
                if (++counter[d] < shape[d]) break;
                counter[d] = 0;
            }
        }
    }
}
