namespace System.Runtime.CompilerServices;

/// <summary>Modifier type the compiler puts on <c>volatile</c> fields (memory-mapped registers).</summary>
public static class IsVolatile
{
}
