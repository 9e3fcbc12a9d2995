using System;

namespace Internal.Runtime.CompilerHelpers;

/// <summary>
/// What an IL <c>ldtoken</c> of a field or method becomes. ilc requires the type as soon as code loads a field
/// token, which C# emits for <c>ReadOnlySpan&lt;T&gt; X =&gt; new T[] { ... }</c> with multi-byte T (passed to
/// RuntimeHelpers.CreateSpan, which the JIT then expands in place). The handle only carries ilc's pointer.
/// </summary>
internal static class LdTokenHelpers
{
    private static RuntimeFieldHandle GetRuntimeFieldHandle(IntPtr handleSignature) => new RuntimeFieldHandle(handleSignature);

    private static RuntimeMethodHandle GetRuntimeMethodHandle(IntPtr handleSignature) => new RuntimeMethodHandle(handleSignature);
}
