namespace System;

/// <summary>The <c>ulong</c> primitive (see <see cref="Int64"/> about its cost).</summary>
public readonly struct UInt64
{
    public const ulong MaxValue = 0xFFFFFFFFFFFFFFFF;
    public const ulong MinValue = 0;
}
