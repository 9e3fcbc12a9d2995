namespace TfLiteMicro.Kernels.Reference;

/// <summary>The reducers of TFLM's reduce kernels, as the lambdas it passes to <c>ReduceGeneric</c>.</summary>
public static class Reducers
{
    /// <summary>SUM float: starts at 0, adds (in + current).</summary>
    public struct FloatSum : IReducer<float>
    {
        public readonly float Initial => 0f;
        public readonly float Combine(float current, float input) => input + current;
    }

    /// <summary>REDUCE_MAX float: starts at the lowest finite float (not −∞), keeps the input when it is greater.</summary>
    public struct FloatMax : IReducer<float>
    {
        public readonly float Initial => float.MinValue;
        public readonly float Combine(float current, float input) => input > current ? input : current;
    }

    /// <summary>REDUCE_MIN float: starts at the largest finite float, keeps the input when it is smaller.</summary>
    public struct FloatMin : IReducer<float>
    {
        public readonly float Initial => float.MaxValue;
        public readonly float Combine(float current, float input) => input < current ? input : current;
    }

    public struct Int8Max : IReducer<sbyte>
    {
        public readonly sbyte Initial => sbyte.MinValue;
        public readonly sbyte Combine(sbyte current, sbyte input) => input > current ? input : current;
    }

    public struct Int8Min : IReducer<sbyte>
    {
        public readonly sbyte Initial => sbyte.MaxValue;
        public readonly sbyte Combine(sbyte current, sbyte input) => input < current ? input : current;
    }

    /// <summary>REDUCE_ALL on bools stored one per byte (any non-zero is true): starts true, ANDs. Writes 0 or 1.</summary>
    public struct BoolAll : IReducer<byte>
    {
        public readonly byte Initial => 1;
        public readonly byte Combine(byte current, byte input) => (byte)(input != 0 && current != 0 ? 1 : 0);
    }
}
