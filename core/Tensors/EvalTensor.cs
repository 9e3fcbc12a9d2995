using System;
using System.Runtime.CompilerServices;

namespace TfLiteMicro;

/// <summary>
/// The only per-tensor state kept while the model runs (TFLM's <c>TfLiteEvalTensor</c>): where the data is, its
/// dimensions and its type. Lives in the arena's tail. <see cref="Dims"/> points at a length-prefixed int array
/// (count, then one int per dimension) — usually straight into the model's shape vector, so nothing is copied.
/// </summary>
public unsafe struct EvalTensor
{
    public void* Data;
    public int* Dims;
    public TensorType Type;

    public readonly int Rank => Dims[0];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly int Dim(int index) => Dims[1 + index];

    /// <summary>The dimensions as a span (no copy).</summary>
    public readonly ReadOnlySpan<int> Shape => new ReadOnlySpan<int>(Dims + 1, Dims[0]);

    /// <summary>Product of all dimensions (1 for a scalar).</summary>
    public readonly int ElementCount => Dimensions.ElementCount(Dims);

    public readonly int ByteCount => (int)TensorTypes.BytesFor(Type, ElementCount);

    /// <summary>The tensor's data as a span of <typeparamref name="T"/>; the caller has checked the type in Prepare.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly Span<T> AsSpan<T>() where T : unmanaged => new Span<T>(Data, ElementCount);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly ReadOnlySpan<T> AsReadOnlySpan<T>() where T : unmanaged => new ReadOnlySpan<T>(Data, ElementCount);
}
