using Internal.Runtime;
using System.Runtime.CompilerServices;

namespace System.Runtime;

/// <summary>
/// Cast and array-store checks ilc-generated code calls (<c>is</c>, <c>as</c>, casts, storing into <c>T[]</c> of
/// a class type). Handles class hierarchies and directly implemented interfaces, which is all device code
/// uses (no variance, no dynamic interface casting). A failed cast stops the program.
/// </summary>
internal static unsafe class TypeCast
{
    private static bool IsSubclassOf(MethodTable* type, MethodTable* target)
    {
        for (; type != null; type = type->_relatedType)
        {
            if (type == target) return true;
        }
        return false;
    }

    private static bool Implements(MethodTable* type, MethodTable* target)
    {
        MethodTable** interfaces = MethodTable.InterfaceMap(type);
        for (int i = 0; i < type->_usNumInterfaces; i++)
        {
            if (interfaces[i] == target) return true;
        }
        return false;
    }

    private static bool IsAssignable(MethodTable* type, MethodTable* target) =>
        IsSubclassOf(type, target) || Implements(type, target);

    private static object? IsInstanceOfClass(MethodTable* target, object? obj) =>
        obj is null || IsSubclassOf(obj.m_pMethodTable, target) ? obj : null;

    private static object? IsInstanceOfInterface(MethodTable* target, object? obj) =>
        obj is null || Implements(obj.m_pMethodTable, target) ? obj : null;

    private static object? IsInstanceOfAny(MethodTable* target, object? obj) =>
        obj is null || IsAssignable(obj.m_pMethodTable, target) ? obj : null;

    // No exceptions exist on the device, so nothing is ever an instance of one.
    private static bool IsInstanceOfException(MethodTable* target, object? obj) => false;

    private static object? CheckCastClass(MethodTable* target, object? obj)
    {
        if (obj is not null && !IsSubclassOf(obj.m_pMethodTable, target)) FailCast();
        return obj;
    }

    private static object? CheckCastClassSpecial(MethodTable* target, object? obj) => CheckCastClass(target, obj);

    private static object? CheckCastInterface(MethodTable* target, object? obj)
    {
        if (obj is not null && !Implements(obj.m_pMethodTable, target)) FailCast();
        return obj;
    }

    private static object? CheckCastAny(MethodTable* target, object? obj)
    {
        if (obj is not null && !IsAssignable(obj.m_pMethodTable, target)) FailCast();
        return obj;
    }

    // The ARM32 code generator stores references into arrays through this runtime symbol; same check as StelemRef.
    [RuntimeExport("RhpStelemRef")]
    private static void RhpStelemRef(object?[] array, nint index, object? obj) => StelemRef(array, index, obj);

    // Array covariance: the stored object must fit the array's element type.
    private static void StelemRef(object?[] array, nint index, object? obj)
    {
        if ((nuint)index >= (uint)array.Length) ThrowHelper.IndexOutOfRange();
        if (obj is not null)
        {
            MethodTable* elementType = array.m_pMethodTable->_relatedType;
            if (!IsAssignable(obj.m_pMethodTable, elementType)) RuntimeFailure.Stop("Array type mismatch."u8);
        }
        Unsafe.Add(ref Unsafe.As<byte, object?>(ref Unsafe.As<RawArrayData>(array).Data), index) = obj;
    }

    private static ref object? LdelemaRef(object?[] array, nint index, MethodTable* elementType)
    {
        if ((nuint)index >= (uint)array.Length) ThrowHelper.IndexOutOfRange();
        if (array.m_pMethodTable->_relatedType != elementType) RuntimeFailure.Stop("Array type mismatch."u8);
        return ref Unsafe.Add(ref Unsafe.As<byte, object?>(ref Unsafe.As<RawArrayData>(array).Data), index);
    }

    private static void FailCast() => RuntimeFailure.Stop("Specified cast is not valid."u8);
}
