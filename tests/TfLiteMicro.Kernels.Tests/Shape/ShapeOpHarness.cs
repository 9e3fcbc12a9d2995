using System;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;

namespace TfLiteMicro.Kernels.Tests.Shape;

/// <summary>
/// Test plumbing for the shape and data-movement kernels: builds a runner with inputs first and outputs after them,
/// and row-major coordinate helpers the tests use to compute expectations independently of the kernels.
/// </summary>
internal static class ShapeOpHarness
{
    public static KernelRunner Runner(string implementation, BuiltinOperator op, TestTensor[] inputs, TestTensor[] outputs,
        BuiltinOptions optionsType = BuiltinOptions.NONE, FbTable? options = null)
    {
        TestTensor[] tensors = new TestTensor[inputs.Length + outputs.Length];
        int[] inputIndices = new int[inputs.Length];
        int[] outputIndices = new int[outputs.Length];
        for (int i = 0; i < inputs.Length; i++) { tensors[i] = inputs[i]; inputIndices[i] = i; }
        for (int i = 0; i < outputs.Length; i++) { tensors[inputs.Length + i] = outputs[i]; outputIndices[i] = inputs.Length + i; }
        return new KernelRunner(KernelImplementations.Get(implementation, op), tensors, inputIndices, outputIndices, op,
            (byte)optionsType, options);
    }

    public static KernelRunner Runner(string implementation, BuiltinOperator op, TestTensor input, TestTensor output,
        BuiltinOptions optionsType = BuiltinOptions.NONE, FbTable? options = null) =>
        Runner(implementation, op, new[] { input }, new[] { output }, optionsType, options);

    /// <summary>0, 1, 2, ... as floats (distinct values make misplaced elements visible).</summary>
    public static float[] Iota(int count, float start = 0f)
    {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) values[i] = start + i;
        return values;
    }

    public static sbyte[] IotaInt8(int count, int start = -100)
    {
        sbyte[] values = new sbyte[count];
        for (int i = 0; i < count; i++) values[i] = (sbyte)(start + i);
        return values;
    }

    public static int Count(int[] shape)
    {
        int count = 1;
        foreach (int d in shape) count *= d;
        return count;
    }

    /// <summary>Row-major coordinates of flat index <paramref name="flat"/>.</summary>
    public static int[] Coordinates(int[] shape, int flat)
    {
        int[] coordinates = new int[shape.Length];
        for (int d = shape.Length - 1; d >= 0; d--)
        {
            coordinates[d] = flat % shape[d];
            flat /= shape[d];
        }
        return coordinates;
    }

    /// <summary>Row-major flat index of <paramref name="coordinates"/>.</summary>
    public static int Flat(int[] shape, int[] coordinates)
    {
        int flat = 0;
        for (int d = 0; d < shape.Length; d++) flat = flat * shape[d] + coordinates[d];
        return flat;
    }

    public static TestTensor Bool(int[] shape, bool[]? values)
    {
        byte[]? bytes = null;
        if (values != null)
        {
            bytes = new byte[values.Length];
            for (int i = 0; i < values.Length; i++) bytes[i] = values[i] ? (byte)1 : (byte)0;
        }
        return new TestTensor(TensorType.Bool, shape, bytes);
    }

    public static TestTensor ConstInt32(params int[] values) => TestTensor.Int32(new[] { values.Length }, values, isConstant: true);

    public static TestTensor ConstInt64(params long[] values) => TestTensor.Int64(new[] { values.Length }, values, isConstant: true);
}
