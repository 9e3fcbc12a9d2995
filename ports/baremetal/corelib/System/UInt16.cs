namespace System;

/// <summary>The <c>ushort</c> primitive.</summary>
public readonly struct UInt16
{
    public const ushort MaxValue = 65535;
    public const ushort MinValue = 0;
}
