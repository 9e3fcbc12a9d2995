namespace System;

/// <summary>
/// <c>nint</c>: the compiler treats IntPtr as a numeric type because
/// <see cref="Runtime.CompilerServices.RuntimeFeature.NumericIntPtr"/> exists, so no operators are declared here.
/// </summary>
public readonly struct IntPtr
{
    public static readonly nint Zero;

    public static unsafe nint MaxValue => sizeof(nint) == 4 ? int.MaxValue : unchecked((nint)long.MaxValue);

    public static unsafe nint MinValue => sizeof(nint) == 4 ? int.MinValue : unchecked((nint)long.MinValue);

    public static unsafe int Size => sizeof(nint);
}
