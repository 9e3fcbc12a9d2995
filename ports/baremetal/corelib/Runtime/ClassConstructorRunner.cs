using System.Runtime;

namespace System.Runtime.CompilerServices;

/// <summary>
/// Runs a static constructor on first access to a type whose statics ilc could not pre-initialize.
/// Single-threaded, so "clear the address, then run" is enough to run it exactly once.
/// </summary>
internal static unsafe class ClassConstructorRunner
{
    private static nint CheckStaticClassConstructionReturnNonGCStaticBase(ref StaticClassConstructionContext context, nint nonGcStaticBase)
    {
        EnsureClassConstructorRun(ref context);
        return nonGcStaticBase;
    }

    private static object CheckStaticClassConstructionReturnGCStaticBase(ref StaticClassConstructionContext context, object gcStaticBase)
    {
        EnsureClassConstructorRun(ref context);
        return gcStaticBase;
    }

    private static void EnsureClassConstructorRun(ref StaticClassConstructionContext context)
    {
        nint constructor = context.cctorMethodAddress;
        if (constructor == 0) return;
        context.cctorMethodAddress = 0;
        ((delegate*<void>)constructor)();
        // What the constructor allocated is a static's and lives forever (see PlatformImports.HeapKeep).
        PlatformImports.HeapKeep();
    }
}
