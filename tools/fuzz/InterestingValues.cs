using System;

namespace TfLiteMicro.Fuzz;

/// <summary>
/// Values that break arithmetic: boundaries of every width, products that wrap 32 bits, indices just outside a
/// range, and the float values that propagate (NaN, infinities, denormals, zero). The counts of the model
/// (tensors, buffers, ...) make index-like fields land on -1, the last valid index and one past it.
/// </summary>
public static class InterestingValues
{
    private static readonly int[] Int32Values =
    {
        0, 1, 2, 3, 4, 5, 7, 8, 15, 16, 17, 31, 32, 63, 64, 127, 128, 255, 256, 1000, 1024, 4096, 32767, 32768, 46341,
        65535, 65536, 65537, 1 << 20, 1 << 24, (1 << 30) + 1, 0x40000000, 0x20000001, 0x10000001, int.MaxValue - 1,
        int.MaxValue, -1, -2, -3, -128, -129, -32768, -65536, int.MinValue, int.MinValue + 1,
    };

    private static readonly int[] DimensionValues =
    {
        0, 1, 1, 2, 2, 3, 4, 5, 7, 8, 9, 16, 33, 64, 100, 255, 256, 1000, 4096, 46341, 65535, 65536, 65537,
        1 << 20, (1 << 24) + 1, (1 << 30) + 1, 0x40000000, int.MaxValue, -1, -2, int.MinValue,
    };

    private static readonly long[] Int64Values =
    {
        0, 1, -1, 2, 127, 128, -128, 255, 256, 32767, -32768, 65536, int.MaxValue, (long)int.MaxValue + 1, int.MinValue,
        (long)int.MinValue - 1, uint.MaxValue, long.MaxValue, long.MinValue, 1L << 40,
    };

    private static readonly float[] FloatValues =
    {
        0f, -0f, 1f, -1f, 0.5f, 2f, float.NaN, float.PositiveInfinity, float.NegativeInfinity, float.Epsilon, 1e-38f,
        1e-20f, 1e-10f, 1e10f, 1e30f, float.MaxValue, float.MinValue, 65536f, 1f / 256, 3e9f, -3e9f,
    };

    private static readonly byte[] ByteValues = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 16, 17, 18, 19, 20, 0x7f, 0x80, 0xfe, 0xff };

    /// <summary>A 32-bit value for a field of the given role; <paramref name="current"/> is the value it had.</summary>
    public static int Int32For(string role, int current, ModelSites counts, FuzzRandom random)
    {
        int range = IndexRange(role, counts);
        if (range >= 0 && random.Chance(3, 4))
        {
            switch (random.Next(8))
            {
                case 0: return -1;
                case 1: return range;
                case 2: return range + 1;
                case 3: return Math.Max(0, range - 1);
                case 4: return random.Next(Math.Max(range, 1));
                case 5: return random.Next(Math.Max(range, 1));
                case 6: return -2;
                default: return random.Chance(1, 2) ? int.MaxValue : int.MinValue;
            }
        }
        if (role == "OperatorCode.builtin_code" && random.Chance(3, 4)) return random.Next(210);
        if (role.EndsWith(".shape", StringComparison.Ordinal) && random.Chance(3, 4))
        {
            return random.Chance(1, 4) ? current + random.Between(-2, 2) : random.Pick<int>(DimensionValues);
        }
        switch (random.Next(6))
        {
            case 0: return current + random.Between(-3, 3);
            case 1: return current * random.Between(2, 4);
            case 2: return BitConverter.SingleToInt32Bits(random.Pick<float>(FloatValues));
            case 3: return random.Chance(1, 2) ? -current : current ^ (1 << random.Next(32));
            default: return random.Pick<int>(Int32Values);
        }
    }

    /// <summary>The count an index-like field refers to, or -1 when the role is not an index.</summary>
    private static int IndexRange(string role, ModelSites counts)
    {
        switch (role)
        {
            case "Operator.inputs":
            case "Operator.outputs":
            case "Operator.intermediates":
            case "SubGraph.inputs":
            case "SubGraph.outputs":
            case "TensorMap.tensor_index":
                return counts.MaxTensorCount;
            case "Tensor.buffer":
            case "Metadata.buffer":
            case "Model.metadata_buffer":
                return counts.BufferCount;
            case "Operator.opcode_index":
                return counts.OperatorCodeCount;
            case "IfOptions.then_subgraph_index":
            case "IfOptions.else_subgraph_index":
            case "WhileOptions.cond_subgraph_index":
            case "WhileOptions.body_subgraph_index":
            case "CallOnceOptions.init_subgraph_index":
            case "CallOptions.subgraph":
            case "SignatureDef.subgraph_index":
                return counts.SubgraphCount;
            default:
                return -1;
        }
    }

    public static byte ByteFor(string role, byte current, FuzzRandom random)
    {
        if (role == "Tensor.type") return (byte)random.Next(24);
        switch (random.Next(4))
        {
            case 0: return (byte)(current + random.Between(-2, 2));
            case 1: return (byte)random.Next(256);
            default: return random.Pick<byte>(ByteValues);
        }
    }

    public static short Int16For(short current, FuzzRandom random)
    {
        switch (random.Next(4))
        {
            case 0: return (short)(current + random.Between(-8, 8));
            case 1: return (short)random.Next(65536);
            case 2: return (short)random.Pick<int>(Int32Values);
            default: return (short)(current ^ (1 << random.Next(16)));
        }
    }

    public static long Int64For(long current, FuzzRandom random)
    {
        switch (random.Next(3))
        {
            case 0: return current + random.Between(-3, 3);
            case 1: return BitConverter.DoubleToInt64Bits(random.Pick<float>(FloatValues));
            default: return random.Pick<long>(Int64Values);
        }
    }

    /// <summary>A union tag: another member of the union (option type confusion), NONE, or past the last member.</summary>
    public static byte UnionTag(int memberCount, FuzzRandom random)
    {
        if (random.Chance(1, 10)) return (byte)random.Between(memberCount, 255);
        return (byte)random.Next(memberCount);
    }

    public static int AnyInt32(FuzzRandom random) => random.Pick<int>(Int32Values);
}
