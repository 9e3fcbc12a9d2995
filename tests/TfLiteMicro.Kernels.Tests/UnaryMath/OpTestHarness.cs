using System;
using System.Collections.Generic;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;

namespace TfLiteMicro.Kernels.Tests.UnaryMath;

/// <summary>
/// Plumbing for the option-less ops of the unary-math and comparison groups: a runner whose tensors are the
/// inputs (0 .. n-1) followed by the output (n), bool tensors, and naive reference helpers.
/// </summary>
internal static class OpTestHarness
{
    public static KernelRunner Runner(string implementation, BuiltinOperator op, TestTensor output, params TestTensor[] inputs)
    {
        List<TestTensor> tensors = new List<TestTensor>(inputs) { output };
        int[] inputIndices = new int[inputs.Length];
        for (int i = 0; i < inputs.Length; i++) inputIndices[i] = i;
        return new KernelRunner(KernelImplementations.Get(implementation, op), tensors, inputIndices, new[] { inputs.Length }, op);
    }

    public static TestTensor Bool(int[] shape, bool[]? values = null)
    {
        byte[]? bytes = null;
        if (values != null)
        {
            bytes = new byte[values.Length];
            for (int i = 0; i < values.Length; i++) bytes[i] = values[i] ? (byte)1 : (byte)0;
        }
        return new TestTensor(TensorType.Bool, shape, bytes);
    }

    /// <summary>A bool tensor from raw bytes (to check that any non-zero byte reads as true).</summary>
    public static TestTensor BoolBytes(int[] shape, byte[] bytes) => new TestTensor(TensorType.Bool, shape, bytes);

    public static bool[] GetBools(KernelRunner runner, int tensorIndex)
    {
        byte[] bytes = runner.Get<byte>(tensorIndex);
        bool[] result = new bool[bytes.Length];
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] > 1) throw new InvalidOperationException("bool output byte " + i + " is " + bytes[i]);
            result[i] = bytes[i] == 1;
        }
        return result;
    }

    /// <summary>Shape triples (input 1, input 2, output): same shape, scalars, inner/outer broadcasts, up to 8D.</summary>
    public static readonly int[][][] BroadcastCases =
    {
        new[] { new[] { 2, 3 }, new[] { 2, 3 }, new[] { 2, 3 } },
        new[] { new[] { 2, 1, 4 }, new[] { 1, 3, 1 }, new[] { 2, 3, 4 } },
        new[] { new[] { 5 }, Array.Empty<int>(), new[] { 5 } },
        new[] { Array.Empty<int>(), new[] { 2, 3 }, new[] { 2, 3 } },
        new[] { new[] { 3, 1 }, new[] { 1, 4 }, new[] { 3, 4 } },
        new[] { new[] { 1, 1, 1 }, new[] { 3, 1, 1, 4 }, new[] { 3, 1, 1, 4 } },
        new[] { new[] { 2, 1, 3, 1, 2 }, new[] { 2, 1, 2, 1 }, new[] { 2, 2, 3, 2, 2 } },
        new[] { new[] { 2, 1, 2, 1, 2, 1, 2, 1 }, new[] { 1, 2, 1, 2, 1, 2, 1, 2 }, new[] { 2, 2, 2, 2, 2, 2, 2, 2 } },
        new[] { new[] { 0, 3 }, new[] { 1, 3 }, new[] { 0, 3 } },
    };

    /// <summary>
    /// For each output element (row-major), the flat index of the element a tensor of <paramref name="inputShape"/>
    /// supplies under right-aligned broadcasting, by explicit coordinates.
    /// </summary>
    public static int[] SourceIndices(int[] inputShape, int[] outputShape)
    {
        int count = Count(outputShape);
        int[] result = new int[count];
        int[] coordinate = new int[outputShape.Length];
        for (int flat = 0; flat < count; flat++)
        {
            int rest = flat;
            for (int d = outputShape.Length - 1; d >= 0; d--)
            {
                coordinate[d] = rest % outputShape[d];
                rest /= outputShape[d];
            }
            int index = 0;
            int offset = outputShape.Length - inputShape.Length;
            for (int d = 0; d < inputShape.Length; d++)
            {
                int c = inputShape[d] == 1 ? 0 : coordinate[offset + d];
                index = index * inputShape[d] + c;
            }
            result[flat] = index;
        }
        return result;
    }

    /// <summary>Applies <paramref name="f"/> with naive broadcasting.</summary>
    public static TOut[] Broadcast<TIn, TOut>(TIn[] a, int[] shapeA, TIn[] b, int[] shapeB, int[] outputShape, Func<TIn, TIn, TOut> f)
    {
        int[] ia = SourceIndices(shapeA, outputShape);
        int[] ib = SourceIndices(shapeB, outputShape);
        TOut[] result = new TOut[ia.Length];
        for (int i = 0; i < result.Length; i++) result[i] = f(a[ia[i]], b[ib[i]]);
        return result;
    }

    public static bool[] RandomBools(Random random, int count)
    {
        bool[] values = new bool[count];
        for (int i = 0; i < count; i++) values[i] = random.Next(2) == 1;
        return values;
    }

    public static int Count(int[] shape)
    {
        int count = 1;
        foreach (int d in shape) count *= d;
        return count;
    }

    /// <summary>Distance in units in the last place between two floats of the same sign (0 when equal).</summary>
    public static long UlpDistance(float a, float b)
    {
        if (a == b) return 0;
        int ia = BitConverter.SingleToInt32Bits(a);
        int ib = BitConverter.SingleToInt32Bits(b);
        if ((ia < 0) != (ib < 0)) return long.MaxValue;
        return Math.Abs((long)ia - ib);
    }
}
