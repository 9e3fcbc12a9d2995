namespace TfLiteMicro.FlexBuffers;

/// <summary>Why a FlexBuffer read failed; turned into a message only where a caller asks for one.</summary>
internal enum FlexError : byte
{
    None = 0,
    /// <summary>An offset, length or element lies (partly) outside the buffer.</summary>
    OutOfBounds,
    /// <summary>A byte width is not 1, 2, 4 or 8 (or 1/2 bytes for a float).</summary>
    BadWidth,
    /// <summary>The value has a type the requested read cannot return.</summary>
    WrongType,
    /// <summary>The value does not fit the requested integer type.</summary>
    OutOfRange,
    /// <summary>A key string has no terminating zero inside the buffer.</summary>
    UnterminatedKey,
}
