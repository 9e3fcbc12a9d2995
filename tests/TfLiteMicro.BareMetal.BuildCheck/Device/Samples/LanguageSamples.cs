using System;
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TfLiteMicro.BareMetal.Samples;

/// <summary>One method per feature; never run, only compiled (and scanned for double by the tests).</summary>
public static unsafe class LanguageSamples
{
    private static readonly int[] Table = { 1, 2, 3 };

    // Constant data: a view of the image, no allocation (RVA field; CreateSpan for wider elements).
    private static ReadOnlySpan<byte> ByteTable => new byte[] { 1, 2, 3 };

    private static ReadOnlySpan<int> IntTable => new int[] { 1, 2, 3 };

    public static int GenericOverStruct<T>(T operation, ReadOnlySpan<int> input) where T : struct, IElementOperation
    {
        int sum = 0;
        foreach (int value in input) sum += operation.Apply(value);
        return sum;
    }

    public static int SpansAndPinning(ReadOnlySpan<int> input)
    {
        Span<int> scratch = stackalloc int[8];
        scratch.Clear();
        scratch.Fill(3);
        input.Slice(0, Math.Min(input.Length, 8)).CopyTo(scratch);
        int sum = 0;
        fixed (int* first = scratch) sum += *first;
        fixed (char* text = "abc") sum += *text;
        fixed (int* table = Table) sum += table[0];
        return sum + ByteTable[0] + IntTable[1] + Table.Length + input[1..].Length + input[^1];
    }

    public static int Reinterpreting(Span<int> values)
    {
        Span<byte> bytes = MemoryMarshal.AsBytes(values);
        BinaryPrimitives.WriteInt32LittleEndian(bytes, 42);
        ref int first = ref MemoryMarshal.GetReference(values);
        return BinaryPrimitives.ReadInt32LittleEndian(bytes) + MemoryMarshal.Cast<byte, short>(bytes).Length
            + first + Unsafe.ReadUnaligned<int>(ref bytes[0]) + Unsafe.SizeOf<FourInts>();
    }

    public static int IntegerAndFloatMath(int value, float x)
    {
        float f = MathF.Sqrt(x) + MathF.Round(x, MidpointRounding.AwayFromZero) + MathF.Exp(x) + MathF.Max(x, 0f);
        int sum = BitOperations.LeadingZeroCount((uint)value) + Math.Max(value, 2) + Math.Clamp(value, -128, 127);
        long wide = (long)value * value;
        sum += (int)(wide >> 31);
        if (float.IsNaN(f) || float.IsInfinity(f)) sum++;
        return sum + (int)f;
    }

    public static int Buffers()
    {
        FourInts four = default;
        four[1] = 2;
        FixedBufferHolder holder = default;
        holder.Values[2] = 1;
        return four[1] + holder.Values[2];
    }

    public static int Dispatch(SampleKernel kernel, int value)
    {
        delegate*<int, int> square = &Square;
        return kernel.Eval(value) + square(value);
    }

    public static int Switches(string name, SampleKind kind)
    {
        int byName = name switch { "one" => 1, "two" => 2, _ => 0 };
        int byKind = kind switch { SampleKind.First => 1, SampleKind.Second => 2, _ => 3 };
        return byName + byKind;
    }

    public static int NullablesTuplesAndPatterns(int value, object? boxed)
    {
        int? maybe = value > 3 ? value : null;
        (int multiplier, int shift) pair = (value, 3);
        int sum = (maybe ?? 0) + pair.multiplier + pair.shift;
        if (boxed is int unboxed) sum += unboxed;
        return sum;
    }

    private static int Square(int value) => value * value;
}
