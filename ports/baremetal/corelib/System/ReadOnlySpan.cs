using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace System;

/// <summary>
/// A read-only view of contiguous memory: model bytes, constant tables, array data. Same API and semantics as
/// the BCL's for the members provided; out-of-range access stops the program instead of throwing.
/// <c>ReadOnlySpan&lt;byte&gt; table = new byte[] { ... }</c> compiles to a view of constant data, with no
/// allocation.
/// </summary>
public readonly ref struct ReadOnlySpan<T>
{
    internal readonly ref T _reference;
    private readonly int _length;

    public ReadOnlySpan(T[]? array)
    {
        if (array is null)
        {
            this = default;
            return;
        }
        _reference = ref MemoryMarshal.GetArrayDataReference(array);
        _length = array.Length;
    }

    public ReadOnlySpan(T[]? array, int start, int length)
    {
        if (array is null)
        {
            if (start != 0 || length != 0) ThrowHelper.ArgumentOutOfRange();
            this = default;
            return;
        }
        if ((ulong)(uint)start + (ulong)(uint)length > (ulong)(uint)array.Length) ThrowHelper.ArgumentOutOfRange();
        _reference = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(array), (nint)(uint)start);
        _length = length;
    }

    /// <summary>A view over unmanaged memory (arena, flash-resident model, stackalloc).</summary>
    public unsafe ReadOnlySpan(void* pointer, int length)
    {
        if (length < 0) ThrowHelper.ArgumentOutOfRange();
        _reference = ref Unsafe.AsRef<T>(pointer);
        _length = length;
    }

    /// <summary>A span of length 1 around <paramref name="reference"/>.</summary>
    public ReadOnlySpan(ref readonly T reference)
    {
        _reference = ref Unsafe.AsRef(in reference);
        _length = 1;
    }

    // No checks: callers (MemoryMarshal.CreateReadOnlySpan, Slice, conversions) guarantee the range.
    internal ReadOnlySpan(ref T reference, int length)
    {
        _reference = ref reference;
        _length = length;
    }

    public ref readonly T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_length) ThrowHelper.IndexOutOfRange();
            return ref Unsafe.Add(ref _reference, (nint)(uint)index);
        }
    }

    public int Length => _length;

    public bool IsEmpty => _length == 0;

    public static ReadOnlySpan<T> Empty => default;

    public ReadOnlySpan<T> Slice(int start)
    {
        if ((uint)start > (uint)_length) ThrowHelper.ArgumentOutOfRange();
        return new ReadOnlySpan<T>(ref Unsafe.Add(ref _reference, (nint)(uint)start), _length - start);
    }

    public ReadOnlySpan<T> Slice(int start, int length)
    {
        if ((ulong)(uint)start + (ulong)(uint)length > (ulong)(uint)_length) ThrowHelper.ArgumentOutOfRange();
        return new ReadOnlySpan<T>(ref Unsafe.Add(ref _reference, (nint)(uint)start), length);
    }

    /// <summary>Copies into <paramref name="destination"/>; overlapping ranges are handled like memmove.</summary>
    public void CopyTo(Span<T> destination)
    {
        if ((uint)_length > (uint)destination.Length) ThrowHelper.DestinationTooShort();
        SpanHelpers.Move(ref destination._reference, ref _reference, (nuint)(uint)_length);
    }

    public bool TryCopyTo(Span<T> destination)
    {
        if ((uint)_length > (uint)destination.Length) return false;
        SpanHelpers.Move(ref destination._reference, ref _reference, (nuint)(uint)_length);
        return true;
    }

    /// <summary>Lets <c>fixed (T* p = span)</c> pin the memory; returns a null reference for an empty span.</summary>
    public ref readonly T GetPinnableReference()
    {
        if (_length == 0) return ref Unsafe.NullRef<T>();
        return ref _reference;
    }

    public Enumerator GetEnumerator() => new Enumerator(this);

    /// <summary>True when both spans view the same memory with the same length (not an element comparison).</summary>
    public static bool operator ==(ReadOnlySpan<T> left, ReadOnlySpan<T> right) =>
        left._length == right._length && Unsafe.AreSame(ref left._reference, ref right._reference);

    public static bool operator !=(ReadOnlySpan<T> left, ReadOnlySpan<T> right) => !(left == right);

    public static implicit operator ReadOnlySpan<T>(T[]? array) => new ReadOnlySpan<T>(array);

    /// <summary>What <c>foreach</c> over a span compiles to.</summary>
    public ref struct Enumerator
    {
        private readonly ReadOnlySpan<T> _span;
        private int _index;

        internal Enumerator(ReadOnlySpan<T> span)
        {
            _span = span;
            _index = -1;
        }

        public bool MoveNext()
        {
            int index = _index + 1;
            if (index < _span.Length)
            {
                _index = index;
                return true;
            }
            return false;
        }

        public ref readonly T Current => ref _span[_index];
    }
}
