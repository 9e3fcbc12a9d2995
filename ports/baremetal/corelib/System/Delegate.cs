namespace System;

/// <summary>
/// Base of delegate types; needed by the compiler and ilc. Creating a delegate allocates (and a capturing lambda
/// allocates a closure too): device code uses function pointers (<c>delegate*</c>) or abstract classes instead.
/// </summary>
public abstract class Delegate
{
    // ilc contract: these four fields, in this order.
#pragma warning disable CS0169, CS0649 // written by ilc-generated delegate constructors
    internal object? m_firstParameter;
    internal object? m_helperObject;
    internal nint m_extraFunctionPointerOrData;
    internal nint m_functionPointer;
#pragma warning restore CS0169, CS0649

    // Delegates are constructed by compiler-generated code only.
    internal Delegate()
    {
    }
}
