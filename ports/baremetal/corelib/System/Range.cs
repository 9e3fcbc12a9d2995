namespace System;

/// <summary>A start and end <see cref="Index"/> (<c>1..^1</c>); what <c>span[a..b]</c> compiles to.</summary>
public readonly struct Range
{
    public Range(Index start, Index end)
    {
        Start = start;
        End = end;
    }

    public Index Start { get; }

    public Index End { get; }

    public static Range StartAt(Index start) => new Range(start, Index.End);

    public static Range EndAt(Index end) => new Range(Index.Start, end);

    public static Range All => new Range(Index.Start, Index.End);

    public (int Offset, int Length) GetOffsetAndLength(int length)
    {
        int start = Start.GetOffset(length);
        int end = End.GetOffset(length);
        if ((uint)end > (uint)length || (uint)start > (uint)end) ThrowHelper.ArgumentOutOfRange();
        return (start, end - start);
    }
}
