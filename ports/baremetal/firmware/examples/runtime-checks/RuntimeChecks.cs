using System;

namespace TfLiteMicro.Firmware.RuntimeCheckExample;

/// <summary>
/// Computations that exercise what the ARM32 code generator hands to the runtime: 32- and 64-bit division,
/// 64-bit shifts and multiplies, float/int64 conversions (routed through double), block copies, reference array
/// stores, static constructors, virtual calls and boxing. The same file is compiled into the firmware example and
/// into tests/TfLiteMicro.Firmware.Tests, which compares the device's results with the host's.
/// </summary>
public static class RuntimeChecks
{
    public const int Count = 14;

    /// <summary>The name of check <paramref name="index"/>.</summary>
    public static string Name(int index) => index switch
    {
        0 => "int32-division",
        1 => "uint32-division",
        2 => "int64-division",
        3 => "uint64-division",
        4 => "int64-shifts",
        5 => "int64-multiply",
        6 => "int64-to-float",
        7 => "uint64-to-float",
        8 => "float-to-int64",
        9 => "float-to-int32",
        10 => "struct-copy",
        11 => "reference-array",
        12 => "static-constructor",
        _ => "virtual-and-boxing",
    };

    /// <summary>Check <paramref name="index"/>: a 64-bit digest of its results.</summary>
    public static ulong Run(int index, int seed)
    {
        switch (index)
        {
            case 0:
            {
                int a = -1_234_567 * seed, b = 97 + seed;
                return Mix((ulong)(uint)(a / b), (ulong)(uint)(a % b), (ulong)(uint)(int.MinValue / (b | 1)));
            }
            case 1:
            {
                uint a = 4_000_000_000u - (uint)seed, b = 65_537u + (uint)seed;
                return Mix(a / b, a % b, 0);
            }
            case 2:
            {
                long a = -0x0123_4567_89AB_CDEFL * seed, b = 12_345L + seed;
                return Mix((ulong)(a / b), (ulong)(a % b), (ulong)(long.MaxValue / b));
            }
            case 3:
            {
                ulong a = 0xFEDC_BA98_7654_3210UL - (ulong)seed, b = 0x1_0000_0001UL + (ulong)seed;
                return Mix(a / b, a % b, a / 3);
            }
            case 4:
            {
                long a = -0x0123_4567_89AB_CDEFL - seed;
                int s = 5 + seed;
                return Mix((ulong)(a << s), (ulong)(a >> (s + 30)), (ulong)a >> (s + 33));
            }
            case 5:
            {
                long a = 0x1234_5678_9L + seed, b = -0x9_8765_4321L;
                return Mix((ulong)(a * b), (ulong)Math.BigMul(int.MaxValue - seed, 12345), 0);
            }
            case 6:
            {
                long a = -0x0123_4567_89AB_CDEFL + seed;
                return Mix(FloatBits(a), FloatBits(a / 1000), FloatBits(-(long)seed));
            }
            case 7:
            {
                ulong a = 0xFEDC_BA98_7654_3210UL - (ulong)seed;
                return Mix(FloatBits(a), FloatBits(a >> 20), 0);
            }
            case 8:
            {
                float f = 1.5e15f + seed, g = -98_765.4f - seed;
                return Mix((ulong)(long)f, (ulong)(long)g, (ulong)(long)(f / 3));
            }
            case 9:
            {
                float f = 1_234_567.8f + seed, g = -7.9f - seed;
                return Mix((ulong)(uint)(int)f, (ulong)(uint)(int)g, (ulong)(uint)(int)(f * 0.001f));
            }
            case 10:
            {
                Block source = new Block { A = 1 + seed, B = -2L * seed, C = 3.5f, D = 0xABCD };
                Block copy = Identity(source);
                return Mix((ulong)copy.A, (ulong)copy.B, (ulong)BitConverter.SingleToInt32Bits(copy.C) ^ copy.D);
            }
            case 11:
            {
                Shape[] shapes = new Shape[3];
                shapes[0] = new Square(seed + 2);
                shapes[1] = new Circle(seed + 1);
                shapes[2] = shapes[0];
                ulong digest = 0;
                for (int i = 0; i < shapes.Length; i++) digest = Mix(digest, (ulong)shapes[i].Area(), (ulong)i);
                return digest;
            }
            case 12:
                return Mix((ulong)Table.Values.Length, Table.Values[seed % Table.Values.Length], Table.Sum);
            default:
            {
                object boxed = seed * 3;
                Shape shape = seed % 2 == 0 ? new Square(seed) : new Circle(seed);
                return Mix((ulong)(int)boxed, (ulong)shape.Area(), (ulong)Sum<Doubler>(seed));
            }
        }
    }

    private static ulong Mix(ulong a, ulong b, ulong c)
    {
        ulong h = 0xCBF2_9CE4_8422_2325UL;
        h = (h ^ a) * 0x100_0000_01B3UL;
        h = (h ^ b) * 0x100_0000_01B3UL;
        return (h ^ c) * 0x100_0000_01B3UL;
    }

    private static uint FloatBits(long value) => (uint)BitConverter.SingleToInt32Bits(value);

    private static uint FloatBits(ulong value) => (uint)BitConverter.SingleToInt32Bits(value);

    private static Block Identity(Block block) => block;

    private static int Sum<T>(int n)
        where T : struct, ITransform
    {
        T transform = default;
        int sum = 0;
        for (int i = 0; i < n + 3; i++) sum += transform.Apply(i);
        return sum;
    }

    private struct Block
    {
        public int A;
        public long B;
        public float C;
        public uint D;
    }

    private interface ITransform
    {
        int Apply(int value);
    }

    private struct Doubler : ITransform
    {
        public int Apply(int value) => value * 2;
    }

    private abstract class Shape
    {
        public abstract int Area();
    }

    private sealed class Square : Shape
    {
        private readonly int side;

        public Square(int side) => this.side = side;

        public override int Area() => side * side;
    }

    private sealed class Circle : Shape
    {
        private readonly int radius;

        public Circle(int radius) => this.radius = radius;

        public override int Area() => 3 * radius * radius;
    }

    private static class Table
    {
        // Not a constant initializer: the static constructor runs on the device (or is pre-initialized by ilc).
        public static readonly ulong[] Values = Build(7);
        public static readonly ulong Sum = Values[0] + Values[6];

        private static ulong[] Build(int count)
        {
            ulong[] values = new ulong[count];
            for (int i = 0; i < count; i++) values[i] = (ulong)(i * i) << 33;
            return values;
        }
    }
}
