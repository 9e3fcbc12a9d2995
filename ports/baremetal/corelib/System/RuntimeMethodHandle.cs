namespace System;

/// <summary>Metadata token the compiler and ilc use; no members.</summary>
public struct RuntimeMethodHandle
{
    // ilc's pointer for the token (see Internal.Runtime.CompilerHelpers.LdTokenHelpers); opaque to device code.
    private readonly IntPtr value;

    internal RuntimeMethodHandle(IntPtr value) => this.value = value;
}
