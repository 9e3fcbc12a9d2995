namespace System.Runtime.CompilerServices;

/// <summary>
/// Tells the JIT and ilc that they may replace the method's body with their own expansion (Unsafe, MathF.Sqrt,
/// CreateSpan, ...). Internal, as in the BCL.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Method | AttributeTargets.Constructor
    | AttributeTargets.Field, Inherited = false)]
internal sealed class IntrinsicAttribute : Attribute
{
}
