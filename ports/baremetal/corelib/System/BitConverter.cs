namespace System;

/// <summary>Bit-pattern reinterpretation of float32 (no double versions: see <see cref="Double"/>).</summary>
public static class BitConverter
{
    /// <summary>Every supported target (Cortex-M, x86, Arm64) is little-endian.</summary>
    public static readonly bool IsLittleEndian = true;

    public static unsafe int SingleToInt32Bits(float value) => *(int*)&value;

    public static unsafe float Int32BitsToSingle(int value) => *(float*)&value;

    public static unsafe uint SingleToUInt32Bits(float value) => *(uint*)&value;

    public static unsafe float UInt32BitsToSingle(uint value) => *(float*)&value;
}
