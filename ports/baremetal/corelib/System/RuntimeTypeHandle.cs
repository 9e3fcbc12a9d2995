namespace System;

/// <summary>Metadata token the compiler and ilc use; no members.</summary>
public struct RuntimeTypeHandle
{
}
