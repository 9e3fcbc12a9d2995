namespace System;

/// <summary>
/// Metadata token; the compiler passes one to <see cref="Runtime.CompilerServices.RuntimeHelpers.InitializeArray"/>
/// and <see cref="Runtime.CompilerServices.RuntimeHelpers.CreateSpan{T}"/> for constant array data.
/// </summary>
public struct RuntimeFieldHandle
{
}
