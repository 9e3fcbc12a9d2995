namespace System;

/// <summary>The compiler's name for "no value"; needed for method signatures and pointers (<c>void*</c>).</summary>
public struct Void
{
}
