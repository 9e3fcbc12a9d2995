using Internal.Runtime;

namespace System;

/// <summary>
/// Root of every class. Deliberately without the virtual Equals/GetHashCode/ToString of the BCL: declaring them
/// makes ilc synthesize per-struct field helpers that pull in much of the real runtime, and device code must not
/// format or hash objects anyway. Calls to them therefore fail to compile, which is the point.
/// </summary>
public class Object
{
    // ilc contract: the first field of every object is its MethodTable pointer.
#pragma warning disable CS0649 // written by the allocator, never by C#
    internal unsafe MethodTable* m_pMethodTable;
#pragma warning restore CS0649

    public Object()
    {
    }
}
