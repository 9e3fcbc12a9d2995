using System.Runtime.CompilerServices;

namespace System.Runtime.InteropServices;

/// <summary>
/// Reinterpreting views of memory, with the BCL's signatures: read a little-endian model buffer as structs,
/// view an int8 tensor as bytes, get the reference behind a span. Nothing here allocates or copies.
/// </summary>
public static class MemoryMarshal
{
    public static Span<byte> AsBytes<T>(Span<T> span) where T : struct
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>()) ThrowHelper.ContainsReferences();
        return new Span<byte>(ref Unsafe.As<T, byte>(ref span._reference), checked(span.Length * Unsafe.SizeOf<T>()));
    }

    public static ReadOnlySpan<byte> AsBytes<T>(ReadOnlySpan<T> span) where T : struct
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>()) ThrowHelper.ContainsReferences();
        return new ReadOnlySpan<byte>(ref Unsafe.As<T, byte>(ref span._reference), checked(span.Length * Unsafe.SizeOf<T>()));
    }

    public static Span<TTo> Cast<TFrom, TTo>(Span<TFrom> span)
        where TFrom : struct
        where TTo : struct
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<TFrom>()) ThrowHelper.ContainsReferences();
        if (RuntimeHelpers.IsReferenceOrContainsReferences<TTo>()) ThrowHelper.ContainsReferences();
        return new Span<TTo>(ref Unsafe.As<TFrom, TTo>(ref span._reference), CastLength<TFrom, TTo>(span.Length));
    }

    public static ReadOnlySpan<TTo> Cast<TFrom, TTo>(ReadOnlySpan<TFrom> span)
        where TFrom : struct
        where TTo : struct
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<TFrom>()) ThrowHelper.ContainsReferences();
        if (RuntimeHelpers.IsReferenceOrContainsReferences<TTo>()) ThrowHelper.ContainsReferences();
        return new ReadOnlySpan<TTo>(ref Unsafe.As<TFrom, TTo>(ref span._reference), CastLength<TFrom, TTo>(span.Length));
    }

    public static Span<T> CreateSpan<T>(scoped ref T reference, int length)
    {
        if (length < 0) ThrowHelper.ArgumentOutOfRange();
        return new Span<T>(ref Unsafe.AsRef(in reference), length);
    }

    public static ReadOnlySpan<T> CreateReadOnlySpan<T>(scoped ref readonly T reference, int length)
    {
        if (length < 0) ThrowHelper.ArgumentOutOfRange();
        return new ReadOnlySpan<T>(ref Unsafe.AsRef(in reference), length);
    }

    public static ref T GetReference<T>(Span<T> span) => ref span._reference;

    public static ref T GetReference<T>(ReadOnlySpan<T> span) => ref span._reference;

    /// <summary>Reference to element 0 (or where it would be) without a bounds or null check.</summary>
    public static ref T GetArrayDataReference<T>(T[] array) =>
        ref Unsafe.As<byte, T>(ref Unsafe.As<RawArrayData>(array).Data);

    public static T Read<T>(ReadOnlySpan<byte> source) where T : struct
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>()) ThrowHelper.ContainsReferences();
        if (Unsafe.SizeOf<T>() > source.Length) ThrowHelper.ArgumentOutOfRange();
        return Unsafe.ReadUnaligned<T>(ref source._reference);
    }

    public static bool TryRead<T>(ReadOnlySpan<byte> source, out T value) where T : struct
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>()) ThrowHelper.ContainsReferences();
        if (Unsafe.SizeOf<T>() > source.Length)
        {
            value = default;
            return false;
        }
        value = Unsafe.ReadUnaligned<T>(ref source._reference);
        return true;
    }

    public static void Write<T>(Span<byte> destination, in T value) where T : struct
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>()) ThrowHelper.ContainsReferences();
        if (Unsafe.SizeOf<T>() > destination.Length) ThrowHelper.ArgumentOutOfRange();
        Unsafe.WriteUnaligned(ref destination._reference, value);
    }

    public static bool TryWrite<T>(Span<byte> destination, in T value) where T : struct
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>()) ThrowHelper.ContainsReferences();
        if (Unsafe.SizeOf<T>() > destination.Length) return false;
        Unsafe.WriteUnaligned(ref destination._reference, value);
        return true;
    }

    public static ref T AsRef<T>(Span<byte> span) where T : struct
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>()) ThrowHelper.ContainsReferences();
        if (Unsafe.SizeOf<T>() > span.Length) ThrowHelper.ArgumentOutOfRange();
        return ref Unsafe.As<byte, T>(ref span._reference);
    }

    public static ref readonly T AsRef<T>(ReadOnlySpan<byte> span) where T : struct
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>()) ThrowHelper.ContainsReferences();
        if (Unsafe.SizeOf<T>() > span.Length) ThrowHelper.ArgumentOutOfRange();
        return ref Unsafe.As<byte, T>(ref span._reference);
    }

    // Element count of the reinterpreted span. 32-bit math when the sizes allow it (the common byte <-> int8
    // tensor views), so no 64-bit division helper is called on the device.
    private static int CastLength<TFrom, TTo>(int fromLength)
    {
        uint fromSize = (uint)Unsafe.SizeOf<TFrom>();
        uint toSize = (uint)Unsafe.SizeOf<TTo>();
        if (fromSize == toSize) return fromLength;
        if (fromSize == 1) return (int)((uint)fromLength / toSize);
        ulong byteCount = (ulong)(uint)fromLength * fromSize;
        ulong toLength = byteCount / toSize;
        if (toLength > int.MaxValue) ThrowHelper.Overflow();
        return (int)toLength;
    }
}
