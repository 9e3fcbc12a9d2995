using System.Runtime.InteropServices;

namespace TfLiteMicro.NativeApi;

/// <summary>
/// The memory the C API's managed objects (interpreter, resolver, allocator state) take. On a device they come
/// from the runtime's bump heap (in the C library: a pool inside libtflm.a); when the last interpreter is destroyed
/// the C API gives back everything allocated since the first of them was created, so create/destroy cycles do not
/// grow it. On the host the .NET GC owns that memory and these report nothing.
/// </summary>
internal static unsafe class NativeHeap
{
#if BAREMETAL
    private const string Board = "*";

    [DllImport(Board, EntryPoint = "tflm_platform_ensure_runtime")]
    private static extern void PlatformEnsureRuntime();

    [DllImport(Board, EntryPoint = "tflm_platform_heap_used")]
    private static extern nuint PlatformHeapUsed();

    [DllImport(Board, EntryPoint = "tflm_platform_heap_size")]
    private static extern nuint PlatformHeapSize();

    [DllImport(Board, EntryPoint = "tflm_platform_heap_release")]
    private static extern void PlatformHeapRelease(nuint used);

    /// <summary>Runs the runtime's start-up pass on the first call (a firmware linking the library has no hook for it).</summary>
    public static void EnsureRuntime() => PlatformEnsureRuntime();

    public static nuint Used => PlatformHeapUsed();

    public static nuint Size => PlatformHeapSize();

    public static void Release(nuint used) => PlatformHeapRelease(used);
#else
    public static void EnsureRuntime()
    {
    }

    public static nuint Used => 0;

    public static nuint Size => 0;

    public static void Release(nuint used)
    {
    }
#endif
}
