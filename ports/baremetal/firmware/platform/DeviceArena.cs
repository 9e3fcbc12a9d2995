namespace TfLiteMicro.BareMetal;

/// <summary>
/// The tensor arena: a statically allocated, 16-byte aligned block in RAM whose size the firmware build sets
/// (the example's FirmwareArenaBytes, else the board file's arena_bytes). Shared by every interpreter the
/// program creates one after another.
/// </summary>
public static unsafe class DeviceArena
{
    public static byte* Get(out int size)
    {
        uint bytes = 0;
        byte* arena = NativeMethods.Arena(&bytes);
        size = (int)bytes;
        return arena;
    }

    /// <summary>
    /// Bytes of the managed heap in use: the objects created while setting up (interpreter, resolver, ...),
    /// which are never freed (there is no garbage collector).
    /// </summary>
    public static int HeapUsedBytes => (int)NativeMethods.HeapUsed();
}
