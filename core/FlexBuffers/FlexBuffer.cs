using System;
using System.Runtime.CompilerServices;

namespace TfLiteMicro.FlexBuffers;

/// <summary>
/// Entry point of the FlexBuffers reader (flatbuffers' <c>flexbuffers::GetRoot</c>). The root value is described
/// by the last bytes of the buffer: the last byte is the root's byte width, the one before it the root's packed
/// type, and the root value itself sits just before those two bytes.
/// </summary>
public static class FlexBuffer
{
    /// <summary>The root value; fails when the buffer is too short or its trailer is invalid.</summary>
    public static Status GetRoot(ReadOnlySpan<byte> buffer, ErrorReporter errors, out FlexReference root)
    {
        FlexError error = ReadRoot(buffer, out root);
        if (error == FlexError.None) return Status.Ok;
        return errors.Fail(Status.MalformedModel, "FlexBuffer root ("u8).Append(buffer.Length).Append(" bytes): "u8)
            .Append(FlexBufferBytes.Describe(error));
    }

    public static bool TryGetRoot(ReadOnlySpan<byte> buffer, out FlexReference root) => ReadRoot(buffer, out root) == FlexError.None;

    /// <summary>The root value as a map (custom op options are a map of option name to value).</summary>
    public static Status GetRootMap(ReadOnlySpan<byte> buffer, ErrorReporter errors, out FlexMap map)
    {
        map = default;
        Status status = GetRoot(buffer, errors, out FlexReference root);
        return status != Status.Ok ? status : root.GetMap(errors, out map);
    }

    private static FlexError ReadRoot(ReadOnlySpan<byte> buffer, out FlexReference root)
    {
        root = default;
        if (buffer.Length < 3) return FlexError.OutOfBounds;
        int width = buffer[buffer.Length - 1];
        if (!FlexBufferBytes.IsValidWidth(width)) return FlexError.BadWidth;
        long offset = buffer.Length - 2 - width;
        if (offset < 0) return FlexError.OutOfBounds;
        root = FlexReference.FromPacked(buffer, offset, width, buffer[buffer.Length - 2]);
        return FlexError.None;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Status Fail(ErrorReporter errors, FlexError error, FlexBufferType type, ReadOnlySpan<byte> expected) => FailCore(errors, error, type, ErrorReporter.Text(expected));

    private static Status FailCore(ErrorReporter errors, FlexError error, FlexBufferType type, ReadOnlySpan<byte> expected)
    {
        return errors.Fail(Status.MalformedModel, "FlexBuffer: value of type "u8).Append(FlexBufferTypes.Name(type))
            .Append(" cannot be read as "u8).Append(expected).Append(": "u8).Append(FlexBufferBytes.Describe(error));
    }
}
