using System;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using TfLiteMicro.Kernels.Tests.Shape;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.MirrorPad;

/// <summary>
/// MIRROR_PAD. Expectation from numpy.pad's definitions: coordinate i - before maps to -j (REFLECT) or -j - 1
/// (SYMMETRIC) below 0 and to 2(n-1) - j (REFLECT) or 2n - 1 - j (SYMMETRIC) at or above n.
/// </summary>
public class MirrorPadTests
{
    private static int Source(int j, int n, bool reflect)
    {
        if (j < 0) return reflect ? -j : -j - 1;
        if (j >= n) return reflect ? 2 * (n - 1) - j : 2 * n - 1 - j;
        return j;
    }

    private static float[] Expected(float[] input, int[] shape, int[] pads, bool reflect, out int[] outShape)
    {
        outShape = new int[shape.Length];
        for (int d = 0; d < shape.Length; d++) outShape[d] = shape[d] + pads[2 * d] + pads[2 * d + 1];
        float[] result = new float[ShapeOpHarness.Count(outShape)];
        for (int k = 0; k < result.Length; k++)
        {
            int[] c = ShapeOpHarness.Coordinates(outShape, k);
            for (int d = 0; d < c.Length; d++) c[d] = Source(c[d] - pads[2 * d], shape[d], reflect);
            result[k] = input[ShapeOpHarness.Flat(shape, c)];
        }
        return result;
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatReflectAndSymmetricUpToTheLimits(string implementation)
    {
        int[] shape = { 3, 4 };
        float[] data = ShapeOpHarness.Iota(12, 1);
        foreach (bool reflect in new[] { true, false })
        {
            foreach (int[] pads in new[] { new[] { 1, 2, 2, 1 }, new[] { 0, 0, 3, 0 }, reflect ? new[] { 2, 2, 3, 3 } : new[] { 3, 3, 4, 4 } })
            {
                float[] expected = Expected(data, shape, pads, reflect, out int[] outShape);
                using KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.MIRROR_PAD,
                    new[] { TestTensor.Float(shape, data), TestTensor.Int32(new[] { 2, 2 }, pads, isConstant: true) },
                    new[] { TestTensor.Float(outShape) }, BuiltinOptions.MirrorPadOptions,
                    new FbTable().Scalar(0, (sbyte)(reflect ? MirrorPadMode.REFLECT : MirrorPadMode.SYMMETRIC)));
                Assert.Equal(Status.Ok, runner.InitAndPrepare());
                Assert.Equal(Status.Ok, runner.Invoke());
                Assert.Equal(expected, runner.Get<float>(2));
            }
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8AndInt32WithInt64Paddings(string implementation)
    {
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.MIRROR_PAD,
            new[] { TestTensor.Int8(new[] { 3 }, new sbyte[] { -128, 0, 127 }, 0.1f, 4), TestTensor.Int64(new[] { 1, 2 }, new long[] { 2, 1 }, isConstant: true) },
            new[] { TestTensor.Int8(new[] { 6 }, null, 0.1f, 4) }, BuiltinOptions.MirrorPadOptions, new FbTable().Scalar(0, (sbyte)MirrorPadMode.SYMMETRIC)))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new sbyte[] { 0, -128, -128, 0, 127, 127 }, runner.Get<sbyte>(2));
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.MIRROR_PAD,
            new[] { TestTensor.Int32(new[] { 3 }, new[] { int.MinValue, 5, int.MaxValue }), TestTensor.Int32(new[] { 1, 2 }, new[] { 1, 2 }, isConstant: true) },
            new[] { TestTensor.Int32(new[] { 6 }, null) }, BuiltinOptions.MirrorPadOptions, new FbTable().Scalar(0, (sbyte)MirrorPadMode.REFLECT)))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new[] { 5, int.MinValue, 5, int.MaxValue, 5, int.MinValue }, runner.Get<int>(2));
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsTooLargePaddingsWrongShapeAndMode(string implementation)
    {
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.MIRROR_PAD,
            new[] { TestTensor.Float(new[] { 3 }), TestTensor.Int32(new[] { 1, 2 }, new[] { 3, 0 }, isConstant: true) },
            new[] { TestTensor.Float(new[] { 6 }) }, BuiltinOptions.MirrorPadOptions, new FbTable().Scalar(0, (sbyte)MirrorPadMode.REFLECT)))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("paddings 3, 0 of dimension 0 must lie in [0, 2]", runner.Errors.MessageText);
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.MIRROR_PAD,
            new[] { TestTensor.Float(new[] { 3 }), TestTensor.Int32(new[] { 1, 2 }, new[] { 1, 1 }, isConstant: true) },
            new[] { TestTensor.Float(new[] { 6 }) }, BuiltinOptions.MirrorPadOptions, new FbTable().Scalar(0, (sbyte)MirrorPadMode.REFLECT)))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("output tensor 2 has shape [6], expected [5]", runner.Errors.MessageText);
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.MIRROR_PAD,
            new[] { TestTensor.Float(new[] { 3 }), TestTensor.Int32(new[] { 1, 2 }, new[] { 1, 1 }, isConstant: true) },
            new[] { TestTensor.Float(new[] { 5 }) }, BuiltinOptions.MirrorPadOptions, new FbTable().Scalar(0, (sbyte)7)))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("unknown mirror pad mode 7", runner.Errors.MessageText);
        }
    }
}
