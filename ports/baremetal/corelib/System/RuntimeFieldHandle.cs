namespace System;

/// <summary>
/// Metadata token; the compiler passes one to <see cref="Runtime.CompilerServices.RuntimeHelpers.InitializeArray"/>
/// and <see cref="Runtime.CompilerServices.RuntimeHelpers.CreateSpan{T}"/> for constant array data.
/// </summary>
public struct RuntimeFieldHandle
{
    // ilc's pointer for the token (see Internal.Runtime.CompilerHelpers.LdTokenHelpers); opaque to device code.
    private readonly IntPtr value;

    internal RuntimeFieldHandle(IntPtr value) => this.value = value;
}
