namespace System.Runtime.CompilerServices;

/// <summary>Calling-convention marker for <c>delegate* unmanaged[...]</c> and UnmanagedCallersOnly.</summary>
public class CallConvSuppressGCTransition
{
    public CallConvSuppressGCTransition()
    {
    }
}
