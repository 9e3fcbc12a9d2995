using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace System.Buffers.Binary;

/// <summary>
/// Endian-explicit reads and writes (the TFLite flatbuffer format is little-endian). Every supported target is
/// little-endian, so the LittleEndian methods are plain unaligned loads and stores; a short span stops the
/// program like the BCL's ArgumentOutOfRangeException would. No double versions (see System.Double).
/// </summary>
public static class BinaryPrimitives
{
    public static short ReadInt16LittleEndian(ReadOnlySpan<byte> source)
    {
        if (source.Length < sizeof(short)) ThrowHelper.ArgumentOutOfRange();
        return Unsafe.ReadUnaligned<short>(ref MemoryMarshal.GetReference(source));
    }

    public static bool TryReadInt16LittleEndian(ReadOnlySpan<byte> source, out short value)
    {
        if (source.Length < sizeof(short))
        {
            value = default;
            return false;
        }
        value = Unsafe.ReadUnaligned<short>(ref MemoryMarshal.GetReference(source));
        return true;
    }

    public static void WriteInt16LittleEndian(Span<byte> destination, short value)
    {
        if (destination.Length < sizeof(short)) ThrowHelper.ArgumentOutOfRange();
        Unsafe.WriteUnaligned(ref MemoryMarshal.GetReference(destination), value);
    }

    public static bool TryWriteInt16LittleEndian(Span<byte> destination, short value)
    {
        if (destination.Length < sizeof(short)) return false;
        Unsafe.WriteUnaligned(ref MemoryMarshal.GetReference(destination), value);
        return true;
    }

    public static ushort ReadUInt16LittleEndian(ReadOnlySpan<byte> source)
    {
        if (source.Length < sizeof(ushort)) ThrowHelper.ArgumentOutOfRange();
        return Unsafe.ReadUnaligned<ushort>(ref MemoryMarshal.GetReference(source));
    }

    public static bool TryReadUInt16LittleEndian(ReadOnlySpan<byte> source, out ushort value)
    {
        if (source.Length < sizeof(ushort))
        {
            value = default;
            return false;
        }
        value = Unsafe.ReadUnaligned<ushort>(ref MemoryMarshal.GetReference(source));
        return true;
    }

    public static void WriteUInt16LittleEndian(Span<byte> destination, ushort value)
    {
        if (destination.Length < sizeof(ushort)) ThrowHelper.ArgumentOutOfRange();
        Unsafe.WriteUnaligned(ref MemoryMarshal.GetReference(destination), value);
    }

    public static bool TryWriteUInt16LittleEndian(Span<byte> destination, ushort value)
    {
        if (destination.Length < sizeof(ushort)) return false;
        Unsafe.WriteUnaligned(ref MemoryMarshal.GetReference(destination), value);
        return true;
    }

    public static int ReadInt32LittleEndian(ReadOnlySpan<byte> source)
    {
        if (source.Length < sizeof(int)) ThrowHelper.ArgumentOutOfRange();
        return Unsafe.ReadUnaligned<int>(ref MemoryMarshal.GetReference(source));
    }

    public static bool TryReadInt32LittleEndian(ReadOnlySpan<byte> source, out int value)
    {
        if (source.Length < sizeof(int))
        {
            value = default;
            return false;
        }
        value = Unsafe.ReadUnaligned<int>(ref MemoryMarshal.GetReference(source));
        return true;
    }

    public static void WriteInt32LittleEndian(Span<byte> destination, int value)
    {
        if (destination.Length < sizeof(int)) ThrowHelper.ArgumentOutOfRange();
        Unsafe.WriteUnaligned(ref MemoryMarshal.GetReference(destination), value);
    }

    public static bool TryWriteInt32LittleEndian(Span<byte> destination, int value)
    {
        if (destination.Length < sizeof(int)) return false;
        Unsafe.WriteUnaligned(ref MemoryMarshal.GetReference(destination), value);
        return true;
    }

    public static uint ReadUInt32LittleEndian(ReadOnlySpan<byte> source)
    {
        if (source.Length < sizeof(uint)) ThrowHelper.ArgumentOutOfRange();
        return Unsafe.ReadUnaligned<uint>(ref MemoryMarshal.GetReference(source));
    }

    public static bool TryReadUInt32LittleEndian(ReadOnlySpan<byte> source, out uint value)
    {
        if (source.Length < sizeof(uint))
        {
            value = default;
            return false;
        }
        value = Unsafe.ReadUnaligned<uint>(ref MemoryMarshal.GetReference(source));
        return true;
    }

    public static void WriteUInt32LittleEndian(Span<byte> destination, uint value)
    {
        if (destination.Length < sizeof(uint)) ThrowHelper.ArgumentOutOfRange();
        Unsafe.WriteUnaligned(ref MemoryMarshal.GetReference(destination), value);
    }

    public static bool TryWriteUInt32LittleEndian(Span<byte> destination, uint value)
    {
        if (destination.Length < sizeof(uint)) return false;
        Unsafe.WriteUnaligned(ref MemoryMarshal.GetReference(destination), value);
        return true;
    }

    public static long ReadInt64LittleEndian(ReadOnlySpan<byte> source)
    {
        if (source.Length < sizeof(long)) ThrowHelper.ArgumentOutOfRange();
        return Unsafe.ReadUnaligned<long>(ref MemoryMarshal.GetReference(source));
    }

    public static bool TryReadInt64LittleEndian(ReadOnlySpan<byte> source, out long value)
    {
        if (source.Length < sizeof(long))
        {
            value = default;
            return false;
        }
        value = Unsafe.ReadUnaligned<long>(ref MemoryMarshal.GetReference(source));
        return true;
    }

    public static void WriteInt64LittleEndian(Span<byte> destination, long value)
    {
        if (destination.Length < sizeof(long)) ThrowHelper.ArgumentOutOfRange();
        Unsafe.WriteUnaligned(ref MemoryMarshal.GetReference(destination), value);
    }

    public static bool TryWriteInt64LittleEndian(Span<byte> destination, long value)
    {
        if (destination.Length < sizeof(long)) return false;
        Unsafe.WriteUnaligned(ref MemoryMarshal.GetReference(destination), value);
        return true;
    }

    public static ulong ReadUInt64LittleEndian(ReadOnlySpan<byte> source)
    {
        if (source.Length < sizeof(ulong)) ThrowHelper.ArgumentOutOfRange();
        return Unsafe.ReadUnaligned<ulong>(ref MemoryMarshal.GetReference(source));
    }

    public static bool TryReadUInt64LittleEndian(ReadOnlySpan<byte> source, out ulong value)
    {
        if (source.Length < sizeof(ulong))
        {
            value = default;
            return false;
        }
        value = Unsafe.ReadUnaligned<ulong>(ref MemoryMarshal.GetReference(source));
        return true;
    }

    public static void WriteUInt64LittleEndian(Span<byte> destination, ulong value)
    {
        if (destination.Length < sizeof(ulong)) ThrowHelper.ArgumentOutOfRange();
        Unsafe.WriteUnaligned(ref MemoryMarshal.GetReference(destination), value);
    }

    public static bool TryWriteUInt64LittleEndian(Span<byte> destination, ulong value)
    {
        if (destination.Length < sizeof(ulong)) return false;
        Unsafe.WriteUnaligned(ref MemoryMarshal.GetReference(destination), value);
        return true;
    }

    public static float ReadSingleLittleEndian(ReadOnlySpan<byte> source)
    {
        if (source.Length < sizeof(float)) ThrowHelper.ArgumentOutOfRange();
        return Unsafe.ReadUnaligned<float>(ref MemoryMarshal.GetReference(source));
    }

    public static bool TryReadSingleLittleEndian(ReadOnlySpan<byte> source, out float value)
    {
        if (source.Length < sizeof(float))
        {
            value = default;
            return false;
        }
        value = Unsafe.ReadUnaligned<float>(ref MemoryMarshal.GetReference(source));
        return true;
    }

    public static void WriteSingleLittleEndian(Span<byte> destination, float value)
    {
        if (destination.Length < sizeof(float)) ThrowHelper.ArgumentOutOfRange();
        Unsafe.WriteUnaligned(ref MemoryMarshal.GetReference(destination), value);
    }

    public static bool TryWriteSingleLittleEndian(Span<byte> destination, float value)
    {
        if (destination.Length < sizeof(float)) return false;
        Unsafe.WriteUnaligned(ref MemoryMarshal.GetReference(destination), value);
        return true;
    }

    public static short ReadInt16BigEndian(ReadOnlySpan<byte> source) => ReverseEndianness(ReadInt16LittleEndian(source));

    public static void WriteInt16BigEndian(Span<byte> destination, short value) =>
        WriteInt16LittleEndian(destination, ReverseEndianness(value));

    public static ushort ReadUInt16BigEndian(ReadOnlySpan<byte> source) => ReverseEndianness(ReadUInt16LittleEndian(source));

    public static void WriteUInt16BigEndian(Span<byte> destination, ushort value) =>
        WriteUInt16LittleEndian(destination, ReverseEndianness(value));

    public static int ReadInt32BigEndian(ReadOnlySpan<byte> source) => ReverseEndianness(ReadInt32LittleEndian(source));

    public static void WriteInt32BigEndian(Span<byte> destination, int value) =>
        WriteInt32LittleEndian(destination, ReverseEndianness(value));

    public static uint ReadUInt32BigEndian(ReadOnlySpan<byte> source) => ReverseEndianness(ReadUInt32LittleEndian(source));

    public static void WriteUInt32BigEndian(Span<byte> destination, uint value) =>
        WriteUInt32LittleEndian(destination, ReverseEndianness(value));

    public static long ReadInt64BigEndian(ReadOnlySpan<byte> source) => ReverseEndianness(ReadInt64LittleEndian(source));

    public static void WriteInt64BigEndian(Span<byte> destination, long value) =>
        WriteInt64LittleEndian(destination, ReverseEndianness(value));

    public static ulong ReadUInt64BigEndian(ReadOnlySpan<byte> source) => ReverseEndianness(ReadUInt64LittleEndian(source));

    public static void WriteUInt64BigEndian(Span<byte> destination, ulong value) =>
        WriteUInt64LittleEndian(destination, ReverseEndianness(value));

    public static byte ReverseEndianness(byte value) => value;

    public static sbyte ReverseEndianness(sbyte value) => value;

    public static short ReverseEndianness(short value) => (short)ReverseEndianness((ushort)value);

    public static ushort ReverseEndianness(ushort value) => (ushort)((value >> 8) | (value << 8));

    public static int ReverseEndianness(int value) => (int)ReverseEndianness((uint)value);

    public static uint ReverseEndianness(uint value) =>
        (value >> 24) | ((value >> 8) & 0x0000FF00u) | ((value << 8) & 0x00FF0000u) | (value << 24);

    public static long ReverseEndianness(long value) => (long)ReverseEndianness((ulong)value);

    public static ulong ReverseEndianness(ulong value) =>
        ((ulong)ReverseEndianness((uint)value) << 32) | ReverseEndianness((uint)(value >> 32));
}
