namespace System.Runtime.CompilerServices;

/// <summary>ilc contract: per-type cell holding the static constructor's address until it has run.</summary>
internal struct StaticClassConstructionContext
{
    public nint cctorMethodAddress;
}
