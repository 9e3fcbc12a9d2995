namespace System.Runtime.CompilerServices;

/// <summary>
/// The compiler-facing helpers. <see cref="InitializeArray"/> and <see cref="CreateSpan{T}"/> are what array
/// initializers and <c>ReadOnlySpan&lt;T&gt; x = new T[] { ... }</c> compile to; the JIT expands both when the
/// field handle is a constant (always, for compiler-generated code), so the fallback bodies never run.
/// </summary>
public static class RuntimeHelpers
{
    [Intrinsic]
    public static void InitializeArray(Array array, RuntimeFieldHandle fldHandle) =>
        RuntimeFailure.Stop("RuntimeHelpers.InitializeArray was not expanded by the compiler."u8);

    [Intrinsic]
    public static ReadOnlySpan<T> CreateSpan<T>(RuntimeFieldHandle fldHandle)
    {
        RuntimeFailure.Stop("RuntimeHelpers.CreateSpan was not expanded by the compiler."u8);
        return default;
    }

    /// <summary>True for reference types and structs holding references; ilc answers at compile time.</summary>
    [Intrinsic]
    public static extern bool IsReferenceOrContainsReferences<T>();

    public static unsafe int OffsetToStringData => sizeof(nint) + sizeof(int);
}
