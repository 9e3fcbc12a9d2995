namespace System;

/// <summary>The <c>short</c> primitive.</summary>
public readonly struct Int16
{
    public const short MaxValue = 32767;
    public const short MinValue = -32768;
}
