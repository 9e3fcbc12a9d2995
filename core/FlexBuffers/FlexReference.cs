using System;
using System.Runtime.CompilerServices;

namespace TfLiteMicro.FlexBuffers;

/// <summary>
/// One value inside a FlexBuffer (flatbuffers' <c>flexbuffers::Reference</c>), read in place: nothing is copied.
/// Every read is bounds-checked against the whole buffer; a malformed buffer gives a <see cref="Status"/> and a
/// message, never a crash. The <c>Try</c> methods return false instead of writing a message.
/// </summary>
public readonly ref struct FlexReference
{
    private readonly ReadOnlySpan<byte> buffer;
    private readonly long offset;
    private readonly int parentWidth;
    private readonly int byteWidth;

    internal FlexReference(ReadOnlySpan<byte> buffer, long offset, int parentWidth, int byteWidth, FlexBufferType type)
    {
        this.buffer = buffer;
        this.offset = offset;
        this.parentWidth = parentWidth;
        this.byteWidth = byteWidth;
        Type = type;
    }

    /// <summary>Builds a reference from a packed type byte (type in the upper six bits, log2 width below).</summary>
    internal static FlexReference FromPacked(ReadOnlySpan<byte> buffer, long offset, int parentWidth, byte packedType) =>
        new FlexReference(buffer, offset, parentWidth, 1 << (packedType & 3), (FlexBufferType)(packedType >> 2));

    public FlexBufferType Type { get; }

    public bool IsNull => Type == FlexBufferType.Null;

    /// <summary>True for the types a number can be read from (int, uint, float, bool, and their indirect forms).</summary>
    public bool IsNumeric =>
        Type == FlexBufferType.Int || Type == FlexBufferType.UInt || Type == FlexBufferType.Float || Type == FlexBufferType.Bool ||
        Type == FlexBufferType.IndirectInt || Type == FlexBufferType.IndirectUInt || Type == FlexBufferType.IndirectFloat;

    // ----- numbers -----

    public bool TryGetInt64(out long value) => ReadInt64(out value) == FlexError.None;

    public bool TryGetUInt64(out ulong value) => ReadUInt64(out value) == FlexError.None;

    public bool TryGetFloat(out float value) => ReadFloat(out value) == FlexError.None;

    public bool TryGetBool(out bool value) => ReadBool(out value) == FlexError.None;

    public Status GetInt64(ErrorReporter errors, out long value) => Report(errors, ReadInt64(out value), "an integer"u8);

    public Status GetInt32(ErrorReporter errors, out int value)
    {
        FlexError error = ReadInt64(out long wide);
        if (error == FlexError.None && (wide < int.MinValue || wide > int.MaxValue)) error = FlexError.OutOfRange;
        value = error == FlexError.None ? (int)wide : 0;
        return Report(errors, error, "a 32-bit integer"u8);
    }

    public Status GetUInt64(ErrorReporter errors, out ulong value) => Report(errors, ReadUInt64(out value), "an unsigned integer"u8);

    public Status GetFloat(ErrorReporter errors, out float value) => Report(errors, ReadFloat(out value), "a float"u8);

    public Status GetBool(ErrorReporter errors, out bool value) => Report(errors, ReadBool(out value), "a bool"u8);

    // ----- containers and strings -----

    public bool TryGetVector(out FlexVector vector) => ReadVector(out vector) == FlexError.None;

    public bool TryGetMap(out FlexMap map) => ReadMap(out map) == FlexError.None;

    public Status GetVector(ErrorReporter errors, out FlexVector vector) => Report(errors, ReadVector(out vector), "a vector"u8);

    public Status GetMap(ErrorReporter errors, out FlexMap map) => Report(errors, ReadMap(out map), "a map"u8);

    /// <summary>The bytes of a STRING or KEY value (without the terminating zero).</summary>
    public bool TryGetString(out ReadOnlySpan<byte> text) => ReadString(out text) == FlexError.None;

    // ----- the reads -----

    internal FlexError ReadInt64(out long value)
    {
        value = 0;
        long target;
        FlexError error;
        switch (Type)
        {
            case FlexBufferType.Int:
                return FlexBufferBytes.ReadInt(buffer, offset, parentWidth, out value);
            case FlexBufferType.UInt:
            case FlexBufferType.Bool:
            {
                error = FlexBufferBytes.ReadUInt(buffer, offset, parentWidth, out ulong raw);
                return error != FlexError.None ? error : UnsignedToLong(raw, Type == FlexBufferType.Bool, out value);
            }
            case FlexBufferType.Float:
                return FlexBufferBytes.ReadFloatAsInt(buffer, offset, parentWidth, out value);
            case FlexBufferType.IndirectInt:
                error = FlexBufferBytes.Indirect(buffer, offset, parentWidth, out target);
                return error != FlexError.None ? error : FlexBufferBytes.ReadInt(buffer, target, byteWidth, out value);
            case FlexBufferType.IndirectUInt:
            {
                error = FlexBufferBytes.Indirect(buffer, offset, parentWidth, out target);
                if (error != FlexError.None) return error;
                error = FlexBufferBytes.ReadUInt(buffer, target, byteWidth, out ulong raw);
                return error != FlexError.None ? error : UnsignedToLong(raw, false, out value);
            }
            case FlexBufferType.IndirectFloat:
                error = FlexBufferBytes.Indirect(buffer, offset, parentWidth, out target);
                return error != FlexError.None ? error : FlexBufferBytes.ReadFloatAsInt(buffer, target, byteWidth, out value);
            default:
                return FlexError.WrongType;
        }
    }

    internal FlexError ReadUInt64(out ulong value)
    {
        value = 0;
        if (Type == FlexBufferType.UInt || Type == FlexBufferType.Bool)
            return FlexBufferBytes.ReadUInt(buffer, offset, parentWidth, out value);
        if (Type == FlexBufferType.IndirectUInt)
        {
            FlexError error = FlexBufferBytes.Indirect(buffer, offset, parentWidth, out long target);
            return error != FlexError.None ? error : FlexBufferBytes.ReadUInt(buffer, target, byteWidth, out value);
        }
        FlexError signedError = ReadInt64(out long signedValue);
        if (signedError != FlexError.None) return signedError;
        if (signedValue < 0) return FlexError.OutOfRange;
        value = (ulong)signedValue;
        return FlexError.None;
    }

    internal FlexError ReadFloat(out float value)
    {
        value = 0f;
        FlexError error;
        switch (Type)
        {
            case FlexBufferType.Float:
                return FlexBufferBytes.ReadFloat(buffer, offset, parentWidth, out value);
            case FlexBufferType.IndirectFloat:
                error = FlexBufferBytes.Indirect(buffer, offset, parentWidth, out long target);
                return error != FlexError.None ? error : FlexBufferBytes.ReadFloat(buffer, target, byteWidth, out value);
            case FlexBufferType.UInt:
            case FlexBufferType.IndirectUInt:
            case FlexBufferType.Bool:
            {
                error = ReadUInt64(out ulong unsignedValue);
                if (error == FlexError.None) value = FlexBufferBytes.UnsignedToSingle(unsignedValue);
                return error;
            }
            default:
            {
                error = ReadInt64(out long signedValue);
                if (error == FlexError.None) value = signedValue;
                return error;
            }
        }
    }

    internal FlexError ReadBool(out bool value)
    {
        value = false;
        FlexError error;
        if (Type == FlexBufferType.Bool || Type == FlexBufferType.UInt || Type == FlexBufferType.IndirectUInt)
        {
            error = ReadUInt64(out ulong raw);
            value = raw != 0;
            return error;
        }
        error = ReadInt64(out long signedValue);
        value = signedValue != 0;
        return error;
    }

    internal FlexError ReadVector(out FlexVector vector)
    {
        vector = default;
        bool untyped = Type == FlexBufferType.Vector || Type == FlexBufferType.Map;
        if (!untyped && !FlexBufferTypes.IsTypedVector(Type) && !FlexBufferTypes.IsFixedTypedVector(Type))
            return FlexError.WrongType;
        FlexError error = FlexBufferBytes.Indirect(buffer, offset, parentWidth, out long target);
        if (error != FlexError.None) return error;
        return FlexVector.Create(buffer, target, byteWidth, Type, out vector);
    }

    internal FlexError ReadMap(out FlexMap map)
    {
        map = default;
        if (Type != FlexBufferType.Map) return FlexError.WrongType;
        FlexError error = FlexBufferBytes.Indirect(buffer, offset, parentWidth, out long target);
        if (error != FlexError.None) return error;
        return FlexMap.Create(buffer, target, byteWidth, out map);
    }

    internal FlexError ReadString(out ReadOnlySpan<byte> text)
    {
        text = default;
        if (Type != FlexBufferType.String && Type != FlexBufferType.Key) return FlexError.WrongType;
        FlexError error = FlexBufferBytes.Indirect(buffer, offset, parentWidth, out long target);
        if (error != FlexError.None) return error;
        if (Type == FlexBufferType.Key) return ReadKeyAt(buffer, target, out text);
        error = FlexBufferBytes.ReadUInt(buffer, target - byteWidth, byteWidth, out ulong length);
        if (error != FlexError.None) return error;
        // The string's bytes and its terminating zero must both be inside the buffer.
        if (length >= (ulong)buffer.Length || !FlexBufferBytes.InBounds(buffer, target, (long)length + 1)) return FlexError.OutOfBounds;
        text = buffer.Slice((int)target, (int)length);
        return FlexError.None;
    }

    /// <summary>A zero-terminated key starting at <paramref name="start"/>.</summary>
    internal static FlexError ReadKeyAt(ReadOnlySpan<byte> buffer, long start, out ReadOnlySpan<byte> key)
    {
        key = default;
        if (!FlexBufferBytes.InBounds(buffer, start, 1)) return FlexError.OutOfBounds;
        for (int end = (int)start; end < buffer.Length; end++)
        {
            if (buffer[end] == 0)
            {
                key = buffer.Slice((int)start, end - (int)start);
                return FlexError.None;
            }
        }
        return FlexError.UnterminatedKey;
    }

    private static FlexError UnsignedToLong(ulong raw, bool isBool, out long value)
    {
        value = 0;
        if (isBool)
        {
            value = raw != 0 ? 1 : 0;
            return FlexError.None;
        }
        if (raw > long.MaxValue) return FlexError.OutOfRange;
        value = (long)raw;
        return FlexError.None;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Status Report(ErrorReporter errors, FlexError error, ReadOnlySpan<byte> expected) => ReportCore(errors, error, ErrorReporter.Text(expected));

    private Status ReportCore(ErrorReporter errors, FlexError error, ReadOnlySpan<byte> expected)
    {
        if (error == FlexError.None) return Status.Ok;
        return FlexBuffer.Fail(errors, error, Type, expected);
    }
}
