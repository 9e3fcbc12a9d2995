namespace TfLiteMicro.Memory;

/// <summary>Alignment rules of the arena (TFLM's <c>MicroArenaBufferAlignment()</c> is 16).</summary>
public static unsafe class ArenaAlignment
{
    /// <summary>Every planned buffer and the arena start are aligned to this many bytes.</summary>
    public const int BufferAlignment = 16;

    public static byte* AlignUp(byte* pointer, int alignment)
    {
        nuint value = (nuint)pointer;
        nuint mask = (nuint)(alignment - 1);
        return (byte*)((value + mask) & ~mask);
    }

    public static byte* AlignDown(byte* pointer, int alignment)
    {
        nuint value = (nuint)pointer;
        nuint mask = (nuint)(alignment - 1);
        return (byte*)(value & ~mask);
    }

    public static int AlignSizeUp(int size, int alignment) => (size + alignment - 1) / alignment * alignment;
}
