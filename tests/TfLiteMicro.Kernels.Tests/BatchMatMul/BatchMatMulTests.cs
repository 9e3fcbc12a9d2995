using System;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.BatchMatMul;

/// <summary>
/// BATCH_MATMUL. Expectations come from a naive matrix product written here over the operands as stored (adjoints
/// read through swapped indices, broadcast batch dimensions mapped index by index), with small integer values so
/// float sums are exact; plus the simple vector of TFLM's batch_matmul_test.cc.
/// </summary>
public class BatchMatMulTests
{
    private const int Lhs = 0;
    private const int Rhs = 1;
    private const int Output = 2;

    private static KernelRunner Runner(string implementation, TestTensor lhs, TestTensor rhs, TestTensor output, bool adjX, bool adjY) =>
        new KernelRunner(KernelImplementations.Get(implementation, BuiltinOperator.BATCH_MATMUL), new[] { lhs, rhs, output },
            new[] { Lhs, Rhs }, new[] { Output }, BuiltinOperator.BATCH_MATMUL, (byte)BuiltinOptions.BatchMatMulOptions,
            new FbTable().Scalar(0, adjX).Scalar(1, adjY));

    /// <summary>Exact integer product: out[b.., m, n] = Σ_k lhs(b.., m, k) · rhs(b.., k, n), batch dims broadcast.</summary>
    private static long[] NaiveProduct(long[] lhs, int[] lhsShape, long[] rhs, int[] rhsShape, bool adjX, bool adjY,
        out int[] outputShape)
    {
        int rank = Math.Max(lhsShape.Length, rhsShape.Length);
        int[] l = Extend(lhsShape, rank);
        int[] r = Extend(rhsShape, rank);
        int m = adjX ? l[rank - 1] : l[rank - 2];
        int k = adjX ? l[rank - 2] : l[rank - 1];
        int n = adjY ? r[rank - 2] : r[rank - 1];
        Assert.Equal(k, adjY ? r[rank - 1] : r[rank - 2]);
        outputShape = new int[rank];
        int batches = 1;
        for (int d = 0; d < rank - 2; d++)
        {
            outputShape[d] = Math.Max(l[d], r[d]);
            batches *= outputShape[d];
        }
        outputShape[rank - 2] = m;
        outputShape[rank - 1] = n;

        long[] result = new long[batches * m * n];
        int[] index = new int[rank - 2];
        for (int b = 0; b < batches; b++)
        {
            int rest = b;
            for (int d = rank - 3; d >= 0; d--)
            {
                index[d] = rest % outputShape[d];
                rest /= outputShape[d];
            }
            int lhsMatrix = 0, rhsMatrix = 0;
            for (int d = 0; d < rank - 2; d++)
            {
                lhsMatrix = lhsMatrix * l[d] + (l[d] == 1 ? 0 : index[d]);
                rhsMatrix = rhsMatrix * r[d] + (r[d] == 1 ? 0 : index[d]);
            }
            for (int i = 0; i < m; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    long total = 0;
                    for (int p = 0; p < k; p++)
                    {
                        long a = adjX ? lhs[(lhsMatrix * k + p) * m + i] : lhs[(lhsMatrix * m + i) * k + p];
                        long c = adjY ? rhs[(rhsMatrix * n + j) * k + p] : rhs[(rhsMatrix * k + p) * n + j];
                        total += a * c;
                    }
                    result[(b * m + i) * n + j] = total;
                }
            }
        }
        return result;
    }

    private static int[] Extend(int[] shape, int rank)
    {
        int[] extended = new int[rank];
        for (int d = 0; d < rank; d++) extended[d] = d < rank - shape.Length ? 1 : shape[d - (rank - shape.Length)];
        return extended;
    }

    private static int Count(int[] shape)
    {
        int count = 1;
        foreach (int d in shape) count *= d;
        return count;
    }

    private static long[] RandomValues(Random random, int count, int min, int max)
    {
        long[] values = new long[count];
        for (int i = 0; i < count; i++) values[i] = random.Next(min, max + 1);
        return values;
    }

    private static float[] ToFloat(long[] values) => Array.ConvertAll(values, v => (float)v);

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatSimpleVectorFromTflm(string implementation)
    {
        // batch_matmul_test.cc, "Ones"-style simple case: [1,2,3] × [1,3,4].
        float[] lhs = { 1, 2, 3, 4, 5, 6 };
        float[] rhs = { 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18 };
        using KernelRunner runner = Runner(implementation, TestTensor.Float(new[] { 1, 2, 3 }, lhs),
            TestTensor.Float(new[] { 1, 3, 4 }, rhs), TestTensor.Float(new[] { 1, 2, 4 }), adjX: false, adjY: false);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(new float[] { 74, 80, 86, 92, 173, 188, 203, 218 }, runner.Get<float>(Output));
    }

    public static TheoryData<string, int[], int[], bool, bool, bool> FloatCases()
    {
        var data = new TheoryData<string, int[], int[], bool, bool, bool>();
        foreach (object[] implementation in KernelImplementations.All())
        {
            string name = (string)implementation[0];
            data.Add(name, new[] { 2, 3, 4 }, new[] { 2, 4, 5 }, false, false, false);
            data.Add(name, new[] { 2, 4, 3 }, new[] { 2, 4, 5 }, true, false, false);
            data.Add(name, new[] { 2, 3, 4 }, new[] { 2, 5, 4 }, false, true, false);
            data.Add(name, new[] { 2, 4, 3 }, new[] { 2, 5, 4 }, true, true, true);
            data.Add(name, new[] { 3, 4 }, new[] { 4, 2 }, false, false, true);
            // Broadcasting: rank 4 against rank 3, size-1 batch dimensions on either side.
            data.Add(name, new[] { 2, 1, 3, 4 }, new[] { 3, 4, 2 }, false, false, false);
            data.Add(name, new[] { 1, 3, 4 }, new[] { 2, 1, 4, 2 }, false, false, true);
            data.Add(name, new[] { 2, 1, 3, 4, 2 }, new[] { 1, 3, 1, 3, 4 }, true, true, false);
            data.Add(name, new[] { 5, 2, 3 }, new[] { 3, 4 }, false, false, true);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(FloatCases))]
    public void FloatMatchesNaiveProduct(string implementation, int[] lhsShape, int[] rhsShape, bool adjX, bool adjY, bool rhsConstant)
    {
        Random random = new Random(lhsShape.Length * 31 + rhsShape.Length + (adjX ? 7 : 0) + (adjY ? 13 : 0));
        long[] lhs = RandomValues(random, Count(lhsShape), -9, 9);
        long[] rhs = RandomValues(random, Count(rhsShape), -9, 9);
        float[] expected = ToFloat(NaiveProduct(lhs, lhsShape, rhs, rhsShape, adjX, adjY, out int[] outputShape));
        using KernelRunner runner = Runner(implementation, TestTensor.Float(lhsShape, ToFloat(lhs)),
            TestTensor.Float(rhsShape, ToFloat(rhs), isConstant: rhsConstant), TestTensor.Float(outputShape), adjX, adjY);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(outputShape, runner.Shape(Output));
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(expected, runner.Get<float>(Output));

        // A second Invoke with a new LHS: the transposes (cached for a constant RHS) must still be right.
        long[] lhs2 = RandomValues(random, lhs.Length, -9, 9);
        runner.SetData(Lhs, ToFloat(lhs2));
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(ToFloat(NaiveProduct(lhs2, lhsShape, rhs, rhsShape, adjX, adjY, out _)), runner.Get<float>(Output));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void VariableRhsIsTransposedAgainOnEveryInvoke(string implementation)
    {
        int[] lhsShape = { 2, 3, 4 };
        int[] rhsShape = { 2, 4, 2 };
        Random random = new Random(3);
        long[] lhs = RandomValues(random, 24, -9, 9);
        long[] rhs = RandomValues(random, 16, -9, 9);
        long[] rhs2 = RandomValues(random, 16, -9, 9);
        using KernelRunner runner = Runner(implementation, TestTensor.Float(lhsShape, ToFloat(lhs)),
            TestTensor.Float(rhsShape, ToFloat(rhs)), TestTensor.Float(new[] { 2, 3, 2 }), adjX: false, adjY: false);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(ToFloat(NaiveProduct(lhs, lhsShape, rhs, rhsShape, false, false, out _)), runner.Get<float>(Output));
        runner.SetData(Rhs, ToFloat(rhs2));
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(ToFloat(NaiveProduct(lhs, lhsShape, rhs2, rhsShape, false, false, out _)), runner.Get<float>(Output));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void ConstantAdjointLhsIsTransposedOnceAndReused(string implementation)
    {
        int[] lhsShape = { 2, 4, 3 };
        int[] rhsShape = { 1, 4, 2 };
        Random random = new Random(17);
        long[] lhs = RandomValues(random, 24, -9, 9);
        long[] rhs = RandomValues(random, 8, -9, 9);
        long[] rhs2 = RandomValues(random, 8, -9, 9);
        using KernelRunner runner = Runner(implementation, TestTensor.Float(lhsShape, ToFloat(lhs), isConstant: true),
            TestTensor.Float(rhsShape, ToFloat(rhs)), TestTensor.Float(new[] { 2, 3, 2 }), adjX: true, adjY: false);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(ToFloat(NaiveProduct(lhs, lhsShape, rhs, rhsShape, true, false, out _)), runner.Get<float>(Output));
        runner.SetData(Rhs, ToFloat(rhs2));
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(ToFloat(NaiveProduct(lhs, lhsShape, rhs2, rhsShape, true, false, out _)), runner.Get<float>(Output));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8WithUnitMultiplierIsAccumulatorPlusZeroPointSaturated(string implementation)
    {
        // scales 0.5 × 0.5 / 0.25 = 1: the requantization is the identity, so out = clamp(Σ(l − zl)(r − zr) + zo).
        int[] lhsShape = { 2, 3, 5 };
        int[] rhsShape = { 1, 4, 5 };
        Random random = new Random(11);
        long[] lhs = RandomValues(random, Count(lhsShape), -128, 127);
        long[] rhs = RandomValues(random, Count(rhsShape), -128, 127);
        long[] lhsCentered = Array.ConvertAll(lhs, v => v - 3);
        long[] rhsCentered = Array.ConvertAll(rhs, v => v + 2);
        long[] accumulators = NaiveProduct(lhsCentered, lhsShape, rhsCentered, rhsShape, false, true, out int[] outputShape);
        sbyte[] expected = Array.ConvertAll(accumulators, a => (sbyte)Math.Clamp(a - 5, -128, 127));
        // Keep some results inside the int8 range so the test also sees unsaturated values.
        using KernelRunner runner = Runner(implementation,
            TestTensor.Int8(lhsShape, Array.ConvertAll(lhs, v => (sbyte)v), 0.5f, 3),
            TestTensor.Int8(rhsShape, Array.ConvertAll(rhs, v => (sbyte)v), 0.5f, -2, isConstant: true),
            TestTensor.Int8(outputShape, null, 0.25f, -5), adjX: false, adjY: true);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(expected, runner.Get<sbyte>(Output));
        Assert.Contains(expected, v => v == 127);
        Assert.Contains(expected, v => v == -128);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8SmallValuesWithUnitMultiplierStayUnsaturated(string implementation)
    {
        int[] lhsShape = { 3, 2, 4 };
        int[] rhsShape = { 3, 4, 3 };
        Random random = new Random(5);
        long[] lhs = RandomValues(random, Count(lhsShape), -4, 4);
        long[] rhs = RandomValues(random, Count(rhsShape), -4, 4);
        long[] accumulators = NaiveProduct(lhs, lhsShape, rhs, rhsShape, false, false, out int[] outputShape);
        sbyte[] expected = Array.ConvertAll(accumulators, a => (sbyte)(a + 10));
        using KernelRunner runner = Runner(implementation,
            TestTensor.Int8(lhsShape, Array.ConvertAll(lhs, v => (sbyte)v), 0.5f, 0),
            TestTensor.Int8(rhsShape, Array.ConvertAll(rhs, v => (sbyte)v), 0.5f, 0),
            TestTensor.Int8(outputShape, null, 0.25f, 10), adjX: false, adjY: false);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(expected, runner.Get<sbyte>(Output));
    }

    private static long[] RandomEven(Random random, int count, int min, int max)
    {
        long[] values = RandomValues(random, count, min / 2, max / 2);
        for (int i = 0; i < values.Length; i++) values[i] *= 2;
        return values;
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8EighthMultiplierRoundsHalfAwayFromZero(string implementation)
    {
        // Multiplier 1/8 is 2^30 · 2^-31 with a right shift of 2. Even operands (and even zero points) make every
        // accumulator a multiple of 4, so the high multiply (acc / 2) is exact and the only rounding is the final
        // shift, which rounds acc / 8 half away from zero; acc / 8 lands on halves often.
        int[] lhsShape = { 2, 4, 3 };
        int[] rhsShape = { 2, 4, 3 };
        Random random = new Random(9);
        long[] lhs = RandomEven(random, Count(lhsShape), -40, 40);
        long[] rhs = RandomEven(random, Count(rhsShape), -40, 40);
        long[] accumulators = NaiveProduct(Array.ConvertAll(lhs, v => v - 2), lhsShape, Array.ConvertAll(rhs, v => v + 4), rhsShape,
            true, false, out int[] outputShape);
        sbyte[] expected = Array.ConvertAll(accumulators,
            a => (sbyte)Math.Clamp((long)Math.Round(a / 8.0, MidpointRounding.AwayFromZero) + 1, -128, 127));
        using KernelRunner runner = Runner(implementation,
            TestTensor.Int8(lhsShape, Array.ConvertAll(lhs, v => (sbyte)v), 1f, 2),
            TestTensor.Int8(rhsShape, Array.ConvertAll(rhs, v => (sbyte)v), 1f, -4),
            TestTensor.Int8(outputShape, null, 8f, 1), adjX: true, adjY: false);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(expected, runner.Get<sbyte>(Output));
        Assert.Contains(accumulators, a => a % 8 == 4);
        Assert.Contains(accumulators, a => a % 8 == -4);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int16RequantizesWithTflmsInt64PathAndSaturates(string implementation)
    {
        // int16 uses TFLM's 64-bit MultiplyByQuantizedMultiplier: the multiplier is cut to 15 bits (1/8 → 2^14 exactly)
        // and the shift adds half then floors, so acc / 8 rounds half UP (-1.5 → -1), unlike the int8 path.
        int[] lhsShape = { 2, 2, 6 };
        int[] rhsShape = { 6, 3 };
        Random random = new Random(21);
        long[] lhs = RandomEven(random, Count(lhsShape), -6000, 6000);
        long[] rhs = RandomEven(random, Count(rhsShape), -80, 80);
        long[] accumulators = NaiveProduct(lhs, lhsShape, rhs, rhsShape, false, false, out int[] outputShape);
        short[] expected = Array.ConvertAll(accumulators,
            a => (short)Math.Clamp((long)Math.Floor(a / 8.0 + 0.5), -32768, 32767));
        using KernelRunner runner = Runner(implementation,
            TestTensor.Int16(lhsShape, Array.ConvertAll(lhs, v => (short)v), 1f, 0),
            TestTensor.Int16(rhsShape, Array.ConvertAll(rhs, v => (short)v), 1f, 0, isConstant: true),
            TestTensor.Int16(outputShape, null, 8f, 0), adjX: false, adjY: false);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(expected, runner.Get<short>(Output));
        Assert.Contains(accumulators, a => a % 8 == -4);
        Assert.Contains(expected, v => v == short.MaxValue || v == short.MinValue);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int16ExtremesUseInt64Accumulator(string implementation)
    {
        // (-32768)² × 4 = 2^32 does not fit an int32 accumulator. With output scale 2^16: 2^32 / 2^16 = 65536
        // saturates to 32767, and (-32768 × 32767) × 4 / 2^16 = -65534 saturates to -32768.
        short[] lhs = { -32768, -32768, -32768, -32768, -32768, -32768, -32768, -32768 };
        short[] rhs = { -32768, 32767, -32768, 32767, -32768, 32767, -32768, 32767 };
        using KernelRunner runner = Runner(implementation, TestTensor.Int16(new[] { 2, 4 }, lhs, 1f, 0),
            TestTensor.Int16(new[] { 4, 2 }, rhs, 1f, 0), TestTensor.Int16(new[] { 2, 2 }, null, 65536f, 0), adjX: false, adjY: false);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(new short[] { 32767, -32768, 32767, -32768 }, runner.Get<short>(Output));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsInvalidModels(string implementation)
    {
        using (KernelRunner innerMismatch = Runner(implementation, TestTensor.Float(new[] { 2, 3 }),
            TestTensor.Float(new[] { 4, 2 }), TestTensor.Float(new[] { 2, 2 }), false, false))
        {
            Assert.NotEqual(Status.Ok, innerMismatch.InitAndPrepare());
            Assert.Contains("inner dimensions differ: lhs tensor 0 has 3, rhs tensor 1 has 4", innerMismatch.Errors.MessageText);
        }
        using (KernelRunner batchMismatch = Runner(implementation, TestTensor.Float(new[] { 2, 2, 3 }),
            TestTensor.Float(new[] { 3, 3, 2 }), TestTensor.Float(new[] { 3, 2, 2 }), false, false))
        {
            Assert.NotEqual(Status.Ok, batchMismatch.InitAndPrepare());
            Assert.Contains("batch dimensions do not broadcast", batchMismatch.Errors.MessageText);
        }
        using (KernelRunner typeMismatch = Runner(implementation, TestTensor.Float(new[] { 2, 3 }),
            TestTensor.Int8(new[] { 3, 2 }, null, 1f, 0), TestTensor.Float(new[] { 2, 2 }), false, false))
        {
            Assert.NotEqual(Status.Ok, typeMismatch.InitAndPrepare());
            Assert.Contains("rhs tensor 1 has type INT8, expected FLOAT32", typeMismatch.Errors.MessageText);
        }
        using (KernelRunner rankOne = Runner(implementation, TestTensor.Float(new[] { 3 }),
            TestTensor.Float(new[] { 3, 2 }), TestTensor.Float(new[] { 2 }), false, false))
        {
            Assert.NotEqual(Status.Ok, rankOne.InitAndPrepare());
            Assert.Contains("lhs tensor 0 has rank 1, expected 2 to 5", rankOne.Errors.MessageText);
        }
        using (KernelRunner wrongOutput = Runner(implementation, TestTensor.Float(new[] { 2, 3 }),
            TestTensor.Float(new[] { 3, 2 }), TestTensor.Float(new[] { 2, 3 }), false, false))
        {
            Assert.NotEqual(Status.Ok, wrongOutput.InitAndPrepare());
            Assert.Contains("output tensor 2 has 6 elements, the product has 4", wrongOutput.Errors.MessageText);
        }
        using (KernelRunner int16ZeroPoint = Runner(implementation, TestTensor.Int16(new[] { 2, 3 }, null, 1f, 1),
            TestTensor.Int16(new[] { 3, 2 }, null, 1f, 0), TestTensor.Int16(new[] { 2, 2 }, null, 1f, 0), false, false))
        {
            Assert.NotEqual(Status.Ok, int16ZeroPoint.InitAndPrepare());
            Assert.Contains("int16 BATCH_MATMUL needs zero points of 0, got lhs 1", int16ZeroPoint.Errors.MessageText);
        }
        using (KernelRunner int32 = Runner(implementation, TestTensor.Int32(new[] { 2, 3 }, null),
            TestTensor.Int32(new[] { 3, 2 }, null), TestTensor.Int32(new[] { 2, 2 }, null), false, false))
        {
            Assert.NotEqual(Status.Ok, int32.InitAndPrepare());
            Assert.Contains("type INT32 of lhs tensor 0 is not supported", int32.Errors.MessageText);
        }
    }
}
