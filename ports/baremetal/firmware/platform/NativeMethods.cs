using System.Runtime.InteropServices;

namespace TfLiteMicro.BareMetal;

/// <summary>
/// The board's C functions (ports/baremetal/firmware/native/common/firmware.h). ilc is run with
/// <c>--directpinvoke:*</c>, so each import is a direct call resolved by the linker; all signatures are blittable.
/// </summary>
internal static unsafe class NativeMethods
{
    private const string Board = "*";

    [DllImport(Board, EntryPoint = "tflm_console_write")]
    internal static extern void ConsoleWrite(byte* text, int length);

    [DllImport(Board, EntryPoint = "tflm_timer_ticks")]
    internal static extern ulong TimerTicks();

    [DllImport(Board, EntryPoint = "tflm_timer_hz")]
    internal static extern uint TimerHz();

    [DllImport(Board, EntryPoint = "tflm_embedded_file")]
    internal static extern byte* EmbeddedFile(byte* name, int nameLength, uint* size);

    [DllImport(Board, EntryPoint = "tflm_platform_heap_used")]
    internal static extern nuint HeapUsed();

    [DllImport(Board, EntryPoint = "tflm_fpu_emulated_instructions")]
    internal static extern uint FpuEmulatedInstructions();

    [DllImport(Board, EntryPoint = "tflm_arena")]
    internal static extern byte* Arena(uint* size);
}
