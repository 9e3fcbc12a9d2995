using Internal.Runtime;
using System;
using System.Runtime;

namespace Internal.Runtime.CompilerHelpers;

/// <summary>
/// The allocation entry points and no-op GC transitions ilc-generated code calls, plus the start-up pass that
/// creates the statics ilc could not pre-initialize. There is no garbage collector: every allocation is a bump
/// of the heap pointer in the board's C code and is never freed, which is why device code allocates only while
/// setting up. ilc requires this class to exist under this name.
/// </summary>
internal static unsafe class StartupCodeHelpers
{
    // ReadyToRun header ("RTR") section ids ilc emits (see ilc's ReadyToRunSectionType).
    private const uint ReadyToRunSignature = 0x00525452;
    private const int GCStaticRegionSection = 201;
    private const int EagerClassConstructorSection = 205;

    // No GC, no threads: transitions between managed and native code have nothing to do.
    [RuntimeExport("RhpReversePInvoke")]
    private static void RhpReversePInvoke(nint frame)
    {
    }

    [RuntimeExport("RhpReversePInvokeReturn")]
    private static void RhpReversePInvokeReturn(nint frame)
    {
    }

    [RuntimeExport("RhpPInvoke")]
    private static void RhpPInvoke(nint frame)
    {
    }

    [RuntimeExport("RhpPInvokeReturn")]
    private static void RhpPInvokeReturn(nint frame)
    {
    }

    [RuntimeExport("RhpGcPoll")]
    private static void RhpGcPoll()
    {
    }

    [RuntimeExport("RhpFallbackFailFast")]
    private static void RhpFallbackFailFast() => RuntimeFailure.Stop("Runtime fail-fast."u8);

    // Without a GC, storing a reference needs no write barrier.
    [RuntimeExport("RhpAssignRef")]
    private static void RhpAssignRef(void** destination, void* reference) => *destination = reference;

    [RuntimeExport("RhpCheckedAssignRef")]
    private static void RhpCheckedAssignRef(void** destination, void* reference) => *destination = reference;

    [RuntimeExport("RhpNewFast")]
    internal static void* RhpNewFast(MethodTable* type)
    {
        MethodTable** instance = (MethodTable**)PlatformImports.Allocate(type->_uBaseSize);
        *instance = type;
        return instance;
    }

    // Objects with 64-bit fields on a 32-bit target: every allocation is already 8-byte aligned.
    [RuntimeExport("RhpNewFastAlign8")]
    private static void* RhpNewFastAlign8(MethodTable* type) => RhpNewFast(type);

    // A boxed 64-bit value: the payload after the 4-byte MethodTable pointer must be 8-byte aligned, so the
    // object starts 4 bytes into an 8-byte aligned block.
    [RuntimeExport("RhpNewFastMisalign")]
    private static void* RhpNewFastMisalign(MethodTable* type)
    {
        MethodTable** instance = (MethodTable**)((byte*)PlatformImports.Allocate(type->_uBaseSize + 4) + 4);
        *instance = type;
        return instance;
    }

    // Arrays of 64-bit elements (long[], ulong[], double[]): the 8-byte header keeps the elements 8-byte aligned.
    [RuntimeExport("RhpNewArrayFastAlign8")]
    private static void* RhpNewArrayFastAlign8(MethodTable* type, int length) => RhpNewArray(type, length);

    [RuntimeExport("RhpNewArrayAlign8")]
    private static void* RhpNewArrayAlign8(MethodTable* type, int length) => RhpNewArray(type, length);

    [RuntimeExport("RhpNewArrayFast")]
    private static void* RhpNewArrayFast(MethodTable* type, int length) => RhpNewArray(type, length);

    [RuntimeExport("RhpNewPtrArrayFast")]
    private static void* RhpNewPtrArrayFast(MethodTable* type, int length) => RhpNewArray(type, length);

    [RuntimeExport("RhpNewArray")]
    private static void* RhpNewArray(MethodTable* type, int length)
    {
        if (length < 0) RuntimeFailure.Stop("Arithmetic operation resulted in an overflow."u8);
        ulong size = type->_uBaseSize + (ulong)(uint)length * type->_usComponentSize;
        if (size > int.MaxValue) RuntimeFailure.Stop("Array dimensions exceeded supported range."u8);
        MethodTable** instance = (MethodTable**)PlatformImports.Allocate((nuint)((size + 3) & ~3ul));
        *instance = type;
        *(int*)(instance + 1) = length;
        return instance;
    }

    /// <summary>
    /// Called once by the board's reset handler before any managed code, with the module's ReadyToRun header
    /// (the <c>__ReadyToRunHeader</c> symbol ilc emits). Allocates the static bases ilc left for run time and runs
    /// the eager class constructors. On ARM32 the tables hold 32-bit self-relative pointers.
    /// </summary>
    [RuntimeExport("tflm_runtime_initialize")]
    private static void InitializeModule(byte* readyToRunHeader)
    {
        if (*(uint*)readyToRunHeader != ReadyToRunSignature) RuntimeFailure.Stop("Bad ReadyToRun header."u8);
        int sectionCount = *(ushort*)(readyToRunHeader + 12);
        int entrySize = readyToRunHeader[14];
        byte* entry = readyToRunHeader + 16;
        for (int i = 0; i < sectionCount; i++, entry += entrySize)
        {
            int sectionId = *(int*)entry;
            byte* start = *(byte**)(entry + 8);
            byte* end = *(byte**)(entry + 12);
            if (sectionId == GCStaticRegionSection) AllocateGCStatics(start, end);
            else if (sectionId == EagerClassConstructorSection) RunEagerClassConstructors(start, end);
        }
        // Statics live as long as the program: a heap release (the C API's, after its last interpreter) must not
        // give their memory back.
        PlatformImports.HeapKeep();
    }

    // Each cell points at a static-base slot holding (MethodTable | 1), or (MethodTable | 3) when a pre-initialized
    // image of the statics follows the slot. The slot is replaced by the address of a new object holding them.
    private static void AllocateGCStatics(byte* start, byte* end)
    {
        for (byte* cell = start; cell < end; cell += sizeof(int))
        {
            nint* slot = (nint*)(cell + *(int*)cell);
            nint value = (nint)((byte*)slot + *(int*)slot);
            if ((value & 1) == 0) continue;
            MethodTable* type = (MethodTable*)(value & ~(nint)3);
            byte* statics = (byte*)RhpNewFast(type);
            if ((value & 2) != 0)
            {
                byte* imageCell = (byte*)(slot + 1);
                byte* image = imageCell + *(int*)imageCell;
                uint payload = type->_uBaseSize - (uint)(2 * sizeof(nint));
                PlatformImports.memmove(statics + sizeof(nint), image, payload);
            }
            *slot = (nint)statics;
        }
    }

    private static void RunEagerClassConstructors(byte* start, byte* end)
    {
        for (byte* cell = start; cell < end; cell += sizeof(int))
        {
            ((delegate*<void>)(cell + *(int*)cell))();
        }
    }
}
