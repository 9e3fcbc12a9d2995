namespace System;

/// <summary><c>nuint</c> (see <see cref="IntPtr"/>).</summary>
public readonly struct UIntPtr
{
    public static readonly nuint Zero;

    public static unsafe nuint MaxValue => sizeof(nuint) == 4 ? uint.MaxValue : unchecked((nuint)ulong.MaxValue);

    public static nuint MinValue => 0;

    public static unsafe int Size => sizeof(nuint);
}
