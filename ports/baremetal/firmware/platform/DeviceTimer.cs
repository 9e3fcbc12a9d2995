namespace TfLiteMicro.BareMetal;

/// <summary>
/// The board's free-running tick counter (SysTick on Cortex-M). Under <c>qemu-system-arm -icount shift=0</c> a
/// tick at 25 MHz is exactly 40 executed instructions, which is how instructions per inference are measured.
/// </summary>
public static class DeviceTimer
{
    public static ulong Ticks => NativeMethods.TimerTicks();

    public static uint TicksPerSecond => NativeMethods.TimerHz();

    /// <summary>
    /// Double-precision instructions the UsageFault handler has emulated so far on a single-precision FPU
    /// (native/cortex-m/fpu_emulation.c); each costs an exception, so a count that grows in Invoke means slow code.
    /// </summary>
    public static uint EmulatedFpuInstructions => NativeMethods.FpuEmulatedInstructions();
}
