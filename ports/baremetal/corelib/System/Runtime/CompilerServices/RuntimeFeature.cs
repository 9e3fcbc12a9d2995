namespace System.Runtime.CompilerServices;

/// <summary>
/// The compiler enables language features by the presence of these fields: ref fields (Span), numeric nint,
/// static abstract interface members, unmanaged function pointer calling conventions.
/// </summary>
public static class RuntimeFeature
{
    public const string PortablePdb = nameof(PortablePdb);
    public const string DefaultImplementationsOfInterfaces = nameof(DefaultImplementationsOfInterfaces);
    public const string UnmanagedSignatureCallingConvention = nameof(UnmanagedSignatureCallingConvention);
    public const string CovariantReturnsOfClasses = nameof(CovariantReturnsOfClasses);
    public const string ByRefFields = nameof(ByRefFields);
    public const string VirtualStaticsInInterfaces = nameof(VirtualStaticsInInterfaces);
    public const string NumericIntPtr = nameof(NumericIntPtr);
    public const string ByRefLikeGenerics = nameof(ByRefLikeGenerics);
}
