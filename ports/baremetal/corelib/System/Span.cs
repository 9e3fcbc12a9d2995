using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace System;

/// <summary>
/// A writable view of contiguous memory: an array, a stackalloc block, a fixed buffer or raw arena memory.
/// Same API and semantics as the BCL's for the members provided; out-of-range access stops the program
/// (<see cref="Environment.FailFast(string)"/>) instead of throwing. Never allocates.
/// </summary>
public readonly ref struct Span<T>
{
    internal readonly ref T _reference;
    private readonly int _length;

    public Span(T[]? array)
    {
        if (array is null)
        {
            this = default;
            return;
        }
        _reference = ref MemoryMarshal.GetArrayDataReference(array);
        _length = array.Length;
    }

    public Span(T[]? array, int start, int length)
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

    /// <summary>A view over unmanaged memory (arena, stackalloc, memory-mapped data).</summary>
    public unsafe Span(void* pointer, int length)
    {
        if (length < 0) ThrowHelper.ArgumentOutOfRange();
        _reference = ref Unsafe.AsRef<T>(pointer);
        _length = length;
    }

    /// <summary>A span of length 1 around <paramref name="reference"/>.</summary>
    public Span(ref T reference)
    {
        _reference = ref reference;
        _length = 1;
    }

    // No checks: callers (MemoryMarshal.CreateSpan, Slice) guarantee the range.
    internal Span(ref T reference, int length)
    {
        _reference = ref reference;
        _length = length;
    }

    public ref T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_length) ThrowHelper.IndexOutOfRange();
            return ref Unsafe.Add(ref _reference, (nint)(uint)index);
        }
    }

    public int Length => _length;

    public bool IsEmpty => _length == 0;

    public static Span<T> Empty => default;

    public Span<T> Slice(int start)
    {
        if ((uint)start > (uint)_length) ThrowHelper.ArgumentOutOfRange();
        return new Span<T>(ref Unsafe.Add(ref _reference, (nint)(uint)start), _length - start);
    }

    public Span<T> Slice(int start, int length)
    {
        // One unsigned 64-bit compare covers negative start, negative length and start + length overflow.
        if ((ulong)(uint)start + (ulong)(uint)length > (ulong)(uint)_length) ThrowHelper.ArgumentOutOfRange();
        return new Span<T>(ref Unsafe.Add(ref _reference, (nint)(uint)start), length);
    }

    /// <summary>Zeroes every element (also clears references; there is no GC to tell).</summary>
    public unsafe void Clear()
    {
        nuint byteCount = (nuint)(uint)_length * (nuint)Unsafe.SizeOf<T>();
        SpanHelpers.ClearWithoutReferences(ref Unsafe.As<T, byte>(ref _reference), byteCount);
    }

    public void Fill(T value)
    {
        for (int i = 0; i < _length; i++)
        {
            Unsafe.Add(ref _reference, (nint)(uint)i) = value;
        }
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
    public ref T GetPinnableReference()
    {
        if (_length == 0) return ref Unsafe.NullRef<T>();
        return ref _reference;
    }

    public Enumerator GetEnumerator() => new Enumerator(this);

    /// <summary>True when both spans view the same memory with the same length (not an element comparison).</summary>
    public static bool operator ==(Span<T> left, Span<T> right) =>
        left._length == right._length && Unsafe.AreSame(ref left._reference, ref right._reference);

    public static bool operator !=(Span<T> left, Span<T> right) => !(left == right);

    public static implicit operator Span<T>(T[]? array) => new Span<T>(array);

    public static implicit operator ReadOnlySpan<T>(Span<T> span) => new ReadOnlySpan<T>(ref span._reference, span._length);

    /// <summary>What <c>foreach</c> over a span compiles to.</summary>
    public ref struct Enumerator
    {
        private readonly Span<T> _span;
        private int _index;

        internal Enumerator(Span<T> span)
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

        public ref T Current => ref _span[_index];
    }
}
