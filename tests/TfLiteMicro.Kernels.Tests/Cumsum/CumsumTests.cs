using System;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using TfLiteMicro.Kernels.Tests.Shape;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.Cumsum;

/// <summary>
/// CUMSUM. Float expectation: running sums along the axis computed from coordinates. int8 expectations come from the
/// algebra of TFLM's rescaling: with equal input and output scales every step is exact, so the output is
/// clamp(-zp_in + Σ (q - zp_in) + zp_out) — the leading -zp_in being TFLM's starting value for the running sum.
/// </summary>
public class CumsumTests
{
    private static FbTable Options(bool exclusive, bool reverse) => new FbTable().Scalar(0, exclusive).Scalar(1, reverse);

    private static float[] Expected(float[] input, int[] shape, int axis, bool exclusive, bool reverse)
    {
        float[] result = new float[input.Length];
        for (int k = 0; k < input.Length; k++)
        {
            int[] c = ShapeOpHarness.Coordinates(shape, k);
            float sum = 0f;
            // Same summation order as a running sum: from the starting end towards c.
            for (int step = 0; step < shape[axis]; step++)
            {
                int j = reverse ? shape[axis] - 1 - step : step;
                bool included = reverse ? (exclusive ? j > c[axis] : j >= c[axis]) : (exclusive ? j < c[axis] : j <= c[axis]);
                if (!included) continue;
                int[] source = (int[])c.Clone();
                source[axis] = j;
                sum += input[ShapeOpHarness.Flat(shape, source)];
            }
            result[k] = sum;
        }
        return result;
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatEveryAxisExclusiveAndReverse(string implementation)
    {
        int[] shape = { 2, 3, 4 };
        float[] data = new float[24];
        for (int i = 0; i < 24; i++) data[i] = (i * 7 % 11) * 0.25f - 1f;
        foreach (int axis in new[] { 0, 1, 2, -1 })
        {
            foreach (bool exclusive in new[] { false, true })
            {
                foreach (bool reverse in new[] { false, true })
                {
                    using KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.CUMSUM,
                        new[] { TestTensor.Float(shape, data), ShapeOpHarness.ConstInt32(axis) }, new[] { TestTensor.Float(shape) },
                        BuiltinOptions.CumsumOptions, Options(exclusive, reverse));
                    Assert.Equal(Status.Ok, runner.InitAndPrepare());
                    Assert.Equal(Status.Ok, runner.Invoke());
                    Assert.Equal(Expected(data, shape, axis < 0 ? axis + 3 : axis, exclusive, reverse), runner.Get<float>(2));
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8WithEqualScalesIsAnIntegerRunningSumStartingAtMinusTheInputZeroPoint(string implementation)
    {
        sbyte[] data = { 10, -20, 30, 100, 100, -128 };
        foreach ((int inZp, int outZp) in new[] { (0, 0), (4, 0), (-3, 5) })
        {
            foreach (bool exclusive in new[] { false, true })
            {
                foreach (bool reverse in new[] { false, true })
                {
                    using KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.CUMSUM,
                        new[] { TestTensor.Int8(new[] { 6 }, data, 0.25f, inZp), ShapeOpHarness.ConstInt32(0) },
                        new[] { TestTensor.Int8(new[] { 6 }, null, 0.25f, outZp) }, BuiltinOptions.CumsumOptions, Options(exclusive, reverse));
                    Assert.Equal(Status.Ok, runner.InitAndPrepare());
                    Assert.Equal(Status.Ok, runner.Invoke());
                    sbyte[] expected = new sbyte[6];
                    for (int i = 0; i < 6; i++)
                    {
                        int sum = -inZp;
                        for (int j = 0; j < 6; j++)
                        {
                            bool included = reverse ? (exclusive ? j > i : j >= i) : (exclusive ? j < i : j <= i);
                            if (included) sum += data[j] - inZp;
                        }
                        expected[i] = (sbyte)Math.Clamp(sum + outZp, -128, 127);
                    }
                    Assert.Equal(expected, runner.Get<sbyte>(2));
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8RescalesToTheOutputScale(string implementation)
    {
        // Output scale 4x the input scale with zero points 0: out = round(Σq / 4) (exact halves round away from zero,
        // as RoundingDivideByPOT does).
        sbyte[] data = { 4, 4, 2, -13, 1 };
        using KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.CUMSUM,
            new[] { TestTensor.Int8(new[] { 5 }, data, 0.5f, 0), ShapeOpHarness.ConstInt32(0) },
            new[] { TestTensor.Int8(new[] { 5 }, null, 2f, 0) }, BuiltinOptions.CumsumOptions, Options(false, false));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        sbyte[] expected = new sbyte[5];
        int sum = 0;
        for (int i = 0; i < 5; i++)
        {
            sum += data[i];
            expected[i] = (sbyte)(int)Math.Round(sum / 4.0, MidpointRounding.AwayFromZero);
        }
        Assert.Equal(expected, runner.Get<sbyte>(2));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsBadAxisTypeAndShape(string implementation)
    {
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.CUMSUM,
            new[] { TestTensor.Float(new[] { 2, 3 }), ShapeOpHarness.ConstInt32(2) }, new[] { TestTensor.Float(new[] { 2, 3 }) },
            BuiltinOptions.CumsumOptions, Options(false, false)))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("axis 2 is outside the input's 2 dimensions", runner.Errors.MessageText);
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.CUMSUM,
            new[] { TestTensor.Int32(new[] { 3 }, null), ShapeOpHarness.ConstInt32(0) }, new[] { TestTensor.Int32(new[] { 3 }, null) },
            BuiltinOptions.CumsumOptions, Options(false, false)))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("type INT32 of input tensor 0 is not supported", runner.Errors.MessageText);
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.CUMSUM,
            new[] { TestTensor.Float(new[] { 2, 3 }), ShapeOpHarness.ConstInt32(0) }, new[] { TestTensor.Float(new[] { 3, 2 }) },
            BuiltinOptions.CumsumOptions, Options(false, false)))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("output tensor 2 has shape [3, 2], expected [2, 3]", runner.Errors.MessageText);
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.CUMSUM,
            new[] { TestTensor.Float(new[] { 2, 3 }), TestTensor.Int32(new[] { 1 }, new[] { -3 }) }, new[] { TestTensor.Float(new[] { 2, 3 }) },
            BuiltinOptions.CumsumOptions, Options(false, false)))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Error, runner.Invoke());
            Assert.Contains("axis -3 is outside", runner.Errors.MessageText);
        }
    }
}
