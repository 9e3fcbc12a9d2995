using Internal.Runtime;
using Internal.Runtime.CompilerHelpers;
using System.Runtime.CompilerServices;

namespace System.Runtime;

/// <summary>
/// Boxing and unboxing helpers ilc routes to. Boxing allocates (a bump allocation that is never freed), so
/// device code should not box in Invoke; ilc removes most boxes in generic code over structs anyway.
/// </summary>
internal static unsafe class RuntimeExports
{
    private static object RhBox(MethodTable* type, ref byte data)
    {
        byte* box = (byte*)StartupCodeHelpers.RhpNewFast(type);
        uint valueSize = type->_uBaseSize - (uint)(2 * sizeof(nint));
        PlatformImports.memmove(box + sizeof(nint), Unsafe.AsPointer(ref data), valueSize);
        return Unsafe.AsRef<object>(&box);
    }

    private static ref byte RhUnbox2(MethodTable* type, object? obj)
    {
        if (obj is null || obj.m_pMethodTable != type) RuntimeFailure.Stop("Specified cast is not valid."u8);
        return ref Unsafe.As<RawData>(obj).Data;
    }

    private static void RhUnboxNullable(ref byte data, MethodTable* type, object? obj) =>
        RuntimeFailure.Stop("Unboxing to a nullable type is not supported."u8);
}
