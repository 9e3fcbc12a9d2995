namespace System.Runtime.CompilerServices;

/// <summary>Modifier type the compiler puts on <c>init</c> accessors.</summary>
public static class IsExternalInit
{
}
