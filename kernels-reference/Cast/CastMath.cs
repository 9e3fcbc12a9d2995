using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// CAST element conversions with C++ <c>static_cast</c> semantics as TFLM gets them on its x86-64 reference
/// build: integer narrowing wraps (two's complement), float → integer truncates toward zero, and what C++
/// leaves undefined is pinned to what x86 does (out-of-range or NaN → int32 gives int.MinValue, and int8/int16
/// take the low bits of that; → uint32 goes through int64 and keeps the low 32 bits). FLOAT16 (TFLite's cast.cc; TFLM
/// has none) converts through float32 with <see cref="Float16Bits"/>.
/// </summary>
public static class CastMath
{
    /// <summary>Reads element <paramref name="index"/> of <paramref name="input"/> of type <paramref name="type"/> as an integer (int path).</summary>
    public static long ReadInteger(ReadOnlySpan<byte> input, TensorType type, int index)
    {
        switch (type)
        {
            case TensorType.Int8: return (sbyte)input[index];
            case TensorType.Int16: return BitsOf<short>(input, index);
            case TensorType.Int32: return BitsOf<int>(input, index);
            case TensorType.UInt32: return BitsOf<uint>(input, index);
            case TensorType.Bool: return input[index] != 0 ? 1 : 0;
            default: return 0;
        }
    }

    /// <summary>Converts every element; <paramref name="inputType"/> and <paramref name="outputType"/> must be supported pairs.</summary>
    public static void Convert(ReadOnlySpan<byte> input, TensorType inputType, Span<byte> output, TensorType outputType, int count)
    {
        if (inputType == TensorType.Float32 || inputType == TensorType.Float16)
        {
            // TFLite widens a float16 input to float first (fp16_ieee_to_fp32_value), then casts as from float.
            for (int i = 0; i < count; i++)
            {
                float value = inputType == TensorType.Float32 ? BitsOf<float>(input, i) : Float16Bits.ToSingle(BitsOf<ushort>(input, i));
                if (outputType == TensorType.Float32) Write(output, i, value);
                else if (outputType == TensorType.Float16) Write(output, i, Float16Bits.FromSingle(value));
                else WriteInteger(output, outputType, i, TruncateToInt64(value, outputType));
            }
            return;
        }
        for (int i = 0; i < count; i++)
        {
            long value = ReadInteger(input, inputType, i);
            // uint32 inputs were read zero-extended, so converting the long rounds the unsigned value. To float16,
            // TFLite goes through float (static_cast<float>, then fp16_ieee_from_fp32_value): two roundings, kept.
            if (outputType == TensorType.Float32) Write(output, i, (float)value);
            else if (outputType == TensorType.Float16) Write(output, i, Float16Bits.FromSingle((float)value));
            else WriteInteger(output, outputType, i, value);
        }
    }

    /// <summary>
    /// Float to integer as the x86 code TFLM is built to: cvttss2si. For uint32 the compiler converts through
    /// int64 (out of range → 2^63 → low bits 0); for the signed types through int32 (out of range → int.MinValue).
    /// </summary>
    public static long TruncateToInt64(float value, TensorType outputType)
    {
        if (outputType == TensorType.UInt32)
        {
            if (!(value > -9.22337204e18f && value < 9.22337204e18f)) return long.MinValue;
            return (long)value;
        }
        if (!(value > -2.14748365e9f && value < 2.14748365e9f)) return int.MinValue;
        // Exactly -2^31 is representable and in range.
        return (long)value;
    }

    private static void WriteInteger(Span<byte> output, TensorType type, int index, long value)
    {
        switch (type)
        {
            case TensorType.Int8: output[index] = unchecked((byte)value); break;
            case TensorType.Int16: Write(output, index, unchecked((short)value)); break;
            case TensorType.Int32: Write(output, index, unchecked((int)value)); break;
            case TensorType.UInt32: Write(output, index, unchecked((uint)value)); break;
        }
    }

    private static T BitsOf<T>(ReadOnlySpan<byte> bytes, int index) where T : unmanaged =>
        System.Runtime.InteropServices.MemoryMarshal.Cast<byte, T>(bytes)[index];

    private static void Write<T>(Span<byte> bytes, int index, T value) where T : unmanaged =>
        System.Runtime.InteropServices.MemoryMarshal.Cast<byte, T>(bytes)[index] = value;
}
