namespace Internal.Runtime;

/// <summary>
/// The head of an ilc type descriptor (32-bit layout, .NET 9/10). Read by the allocator (sizes), the cast
/// helpers (parent and interface list) and the static-base initializer.
/// </summary>
internal unsafe struct MethodTable
{
    /// <summary>Size in bytes of the MethodTable header, after which the vtable slots follow.</summary>
    internal const int HeaderSize = 20;

#pragma warning disable CS0649 // read from ilc-emitted data, never written by C#
    internal ushort _usComponentSize;
    internal ushort _usFlags;
    internal uint _uBaseSize;
    internal MethodTable* _relatedType;
    internal ushort _usNumVtableSlots;
    internal ushort _usNumInterfaces;
    internal uint _uHashCode;
#pragma warning restore CS0649

    /// <summary>The interface MethodTables of <paramref name="type"/>, stored after its vtable slots.</summary>
    internal static MethodTable** InterfaceMap(MethodTable* type) =>
        (MethodTable**)((byte*)type + HeaderSize + type->_usNumVtableSlots * sizeof(void*));
}
