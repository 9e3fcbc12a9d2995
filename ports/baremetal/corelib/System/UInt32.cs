namespace System;

/// <summary>The <c>uint</c> primitive.</summary>
public readonly struct UInt32
{
    public const uint MaxValue = 0xFFFFFFFF;
    public const uint MinValue = 0;
}
