namespace System;

/// <summary>
/// The integer and float32 overloads of the BCL's Math. No double overloads on purpose: calling
/// <c>Math.Sqrt</c>, <c>Math.Round</c>, <c>Math.Exp</c> or passing a double does not compile, which keeps double
/// arithmetic out of device code (use <see cref="MathF"/>). Overflow in Abs stops the program.
/// The helpers ilc calls for 64-bit division live in Runtime/Math.Division.cs.
/// </summary>
public static partial class Math
{
    public static sbyte Abs(sbyte value)
    {
        if (value == sbyte.MinValue) ThrowHelper.Overflow();
        return value < 0 ? (sbyte)-value : value;
    }

    public static short Abs(short value)
    {
        if (value == short.MinValue) ThrowHelper.Overflow();
        return value < 0 ? (short)-value : value;
    }

    public static int Abs(int value)
    {
        if (value == int.MinValue) ThrowHelper.Overflow();
        return value < 0 ? -value : value;
    }

    public static long Abs(long value)
    {
        if (value == long.MinValue) ThrowHelper.Overflow();
        return value < 0 ? -value : value;
    }

    public static nint Abs(nint value)
    {
        if (value == nint.MinValue) ThrowHelper.Overflow();
        return value < 0 ? -value : value;
    }

    public static float Abs(float value) => MathF.Abs(value);

    public static byte Max(byte val1, byte val2) => val1 >= val2 ? val1 : val2;

    public static sbyte Max(sbyte val1, sbyte val2) => val1 >= val2 ? val1 : val2;

    public static short Max(short val1, short val2) => val1 >= val2 ? val1 : val2;

    public static ushort Max(ushort val1, ushort val2) => val1 >= val2 ? val1 : val2;

    public static int Max(int val1, int val2) => val1 >= val2 ? val1 : val2;

    public static uint Max(uint val1, uint val2) => val1 >= val2 ? val1 : val2;

    public static long Max(long val1, long val2) => val1 >= val2 ? val1 : val2;

    public static ulong Max(ulong val1, ulong val2) => val1 >= val2 ? val1 : val2;

    public static nint Max(nint val1, nint val2) => val1 >= val2 ? val1 : val2;

    public static nuint Max(nuint val1, nuint val2) => val1 >= val2 ? val1 : val2;

    public static float Max(float val1, float val2) => MathF.Max(val1, val2);

    public static byte Min(byte val1, byte val2) => val1 <= val2 ? val1 : val2;

    public static sbyte Min(sbyte val1, sbyte val2) => val1 <= val2 ? val1 : val2;

    public static short Min(short val1, short val2) => val1 <= val2 ? val1 : val2;

    public static ushort Min(ushort val1, ushort val2) => val1 <= val2 ? val1 : val2;

    public static int Min(int val1, int val2) => val1 <= val2 ? val1 : val2;

    public static uint Min(uint val1, uint val2) => val1 <= val2 ? val1 : val2;

    public static long Min(long val1, long val2) => val1 <= val2 ? val1 : val2;

    public static ulong Min(ulong val1, ulong val2) => val1 <= val2 ? val1 : val2;

    public static nint Min(nint val1, nint val2) => val1 <= val2 ? val1 : val2;

    public static nuint Min(nuint val1, nuint val2) => val1 <= val2 ? val1 : val2;

    public static float Min(float val1, float val2) => MathF.Min(val1, val2);

    public static byte Clamp(byte value, byte min, byte max)
    {
        if (min > max) ThrowHelper.ArgumentOutOfRange();
        return value < min ? min : value > max ? max : value;
    }

    public static sbyte Clamp(sbyte value, sbyte min, sbyte max)
    {
        if (min > max) ThrowHelper.ArgumentOutOfRange();
        return value < min ? min : value > max ? max : value;
    }

    public static short Clamp(short value, short min, short max)
    {
        if (min > max) ThrowHelper.ArgumentOutOfRange();
        return value < min ? min : value > max ? max : value;
    }

    public static ushort Clamp(ushort value, ushort min, ushort max)
    {
        if (min > max) ThrowHelper.ArgumentOutOfRange();
        return value < min ? min : value > max ? max : value;
    }

    public static int Clamp(int value, int min, int max)
    {
        if (min > max) ThrowHelper.ArgumentOutOfRange();
        return value < min ? min : value > max ? max : value;
    }

    public static uint Clamp(uint value, uint min, uint max)
    {
        if (min > max) ThrowHelper.ArgumentOutOfRange();
        return value < min ? min : value > max ? max : value;
    }

    public static long Clamp(long value, long min, long max)
    {
        if (min > max) ThrowHelper.ArgumentOutOfRange();
        return value < min ? min : value > max ? max : value;
    }

    public static ulong Clamp(ulong value, ulong min, ulong max)
    {
        if (min > max) ThrowHelper.ArgumentOutOfRange();
        return value < min ? min : value > max ? max : value;
    }

    public static float Clamp(float value, float min, float max)
    {
        if (min > max) ThrowHelper.ArgumentOutOfRange();
        return value < min ? min : value > max ? max : value;
    }

    public static int Sign(sbyte value) => value < 0 ? -1 : value > 0 ? 1 : 0;

    public static int Sign(short value) => value < 0 ? -1 : value > 0 ? 1 : 0;

    public static int Sign(int value) => value < 0 ? -1 : value > 0 ? 1 : 0;

    public static int Sign(long value) => value < 0 ? -1 : value > 0 ? 1 : 0;

    public static int Sign(float value) => MathF.Sign(value);

    /// <summary>The full 64-bit product of two 32-bit values (one SMULL on Cortex-M).</summary>
    public static long BigMul(int a, int b) => (long)a * b;

    public static ulong BigMul(uint a, uint b) => (ulong)a * b;

    public static int DivRem(int a, int b, out int result)
    {
        int quotient = a / b;
        result = a - quotient * b;
        return quotient;
    }

    public static long DivRem(long a, long b, out long result)
    {
        long quotient = a / b;
        result = a - quotient * b;
        return quotient;
    }
}
