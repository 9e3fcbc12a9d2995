using System;
using System.Linq;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.L2Normalization;

/// <summary>L2_NORMALIZATION over the last dimension. Expectations: x / ‖row‖ in double (int8 output scale 1/128).</summary>
public class L2NormalizationTests
{
    private static KernelRunner Runner(string implementation, TestTensor input, TestTensor output, int activation = 0) =>
        new KernelRunner(KernelImplementations.Get(implementation, BuiltinOperator.L2_NORMALIZATION), new[] { input, output }, new[] { 0 },
            new[] { 1 }, BuiltinOperator.L2_NORMALIZATION, (byte)BuiltinOptions.L2NormOptions, new FbTable().Scalar(0, (sbyte)activation));

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatRowsIncludingAZeroRow(string implementation)
    {
        float[] input = Enumerable.Range(0, 24).Select(i => (i * 5 % 9) * 0.3f - 1.2f).ToArray();
        for (int c = 8; c < 16; c++) input[c] = 0f; // the middle row has norm 0: epsilon keeps it 0
        using KernelRunner runner = Runner(implementation, TestTensor.Float(new[] { 3, 8 }, input), TestTensor.Float(new[] { 3, 8 }));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        float[] actual = runner.Get<float>(1);
        for (int row = 0; row < 3; row++)
        {
            double norm = Math.Sqrt(Enumerable.Range(0, 8).Sum(c => (double)input[row * 8 + c] * input[row * 8 + c]));
            for (int c = 0; c < 8; c++)
            {
                double expected = norm == 0 ? 0 : input[row * 8 + c] / norm;
                Assert.Equal(expected, actual[row * 8 + c], 1e-6);
            }
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8(string implementation)
    {
        sbyte[] input = Enumerable.Range(0, 30).Select(i => (sbyte)((i * 73) % 256 - 128)).ToArray();
        const int zeroPoint = 10;
        for (int c = 10; c < 15; c++) input[c] = zeroPoint; // an all-zero row gives zeros
        using KernelRunner runner = Runner(implementation, TestTensor.Int8(new[] { 1, 2, 3, 5 }, input, 0.05f, zeroPoint),
            TestTensor.Int8(new[] { 1, 2, 3, 5 }, null, 1f / 128, 0));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        sbyte[] actual = runner.Get<sbyte>(1);
        for (int row = 0; row < 6; row++)
        {
            double norm = Math.Sqrt(Enumerable.Range(0, 5).Sum(c => Math.Pow(input[row * 5 + c] - zeroPoint, 2)));
            for (int c = 0; c < 5; c++)
            {
                double expected = norm == 0 ? 0 : Math.Clamp((input[row * 5 + c] - zeroPoint) / norm * 128, -128, 127);
                Assert.True(Math.Abs(actual[row * 5 + c] - expected) <= 1.0, $"row {row}, element {c}: got {actual[row * 5 + c]}, expected {expected:F3}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsActivationsRanksAndTypes(string implementation)
    {
        using (KernelRunner runner = Runner(implementation, TestTensor.Float(new[] { 4 }), TestTensor.Float(new[] { 4 }), activation: 1))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("fused activation 1 is not supported", runner.Errors.MessageText);
        }
        using (KernelRunner runner = Runner(implementation, TestTensor.Float(new[] { 1, 1, 1, 2, 2 }), TestTensor.Float(new[] { 1, 1, 1, 2, 2 })))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("has rank 5", runner.Errors.MessageText);
        }
        using (KernelRunner runner = Runner(implementation, TestTensor.Int16(new[] { 4 }, null, 0.1f, 0), TestTensor.Int16(new[] { 4 }, null, 0.1f, 0)))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("INT16", runner.Errors.MessageText);
        }
    }
}
