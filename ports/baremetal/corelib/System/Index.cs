namespace System;

/// <summary>A position from the start or the end of a sequence (<c>^1</c>); what <c>span[^1]</c> compiles to.</summary>
public readonly struct Index
{
    // Non-negative: from the start; bitwise complement: from the end (the BCL's encoding).
    private readonly int _value;

    public Index(int value, bool fromEnd = false)
    {
        if (value < 0) ThrowHelper.ArgumentOutOfRange();
        _value = fromEnd ? ~value : value;
    }

    private Index(int value)
    {
        _value = value;
    }

    public static Index Start => new Index(0);

    public static Index End => new Index(~0);

    public static Index FromStart(int value)
    {
        if (value < 0) ThrowHelper.ArgumentOutOfRange();
        return new Index(value);
    }

    public static Index FromEnd(int value)
    {
        if (value < 0) ThrowHelper.ArgumentOutOfRange();
        return new Index(~value);
    }

    public int Value => _value < 0 ? ~_value : _value;

    public bool IsFromEnd => _value < 0;

    /// <summary>The offset from the start for a sequence of <paramref name="length"/> elements (not range-checked).</summary>
    public int GetOffset(int length) => _value < 0 ? length + _value + 1 : _value;

    public static implicit operator Index(int value) => FromStart(value);
}
