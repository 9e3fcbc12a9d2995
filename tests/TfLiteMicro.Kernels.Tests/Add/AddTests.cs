using System;
using TfLiteMicro.Kernels.Tests.Elementwise;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.Add;

/// <summary>ADD: float32, int32, int8, int16, broadcasting, fused activations and Prepare errors.</summary>
public unsafe class AddTests
{
    private const BuiltinOperator Op = BuiltinOperator.ADD;

    /// <summary>Shape pairs (input 1, input 2, output) covering same shape, scalars, inner/outer broadcasts, 5–8D.</summary>
    public static readonly int[][][] BroadcastCases =
    {
        new[] { new[] { 1, 2, 2, 1 }, new[] { 1, 2, 2, 1 }, new[] { 1, 2, 2, 1 } },
        new[] { new[] { 2, 3, 1, 2 }, new[] { 1, 1, 4, 2 }, new[] { 2, 3, 4, 2 } },
        new[] { new[] { 5 }, Array.Empty<int>(), new[] { 5 } },
        new[] { Array.Empty<int>(), new[] { 2, 3 }, new[] { 2, 3 } },
        new[] { new[] { 3, 1 }, new[] { 1, 4 }, new[] { 3, 4 } },
        new[] { new[] { 1, 1, 1 }, new[] { 3, 1, 1, 4 }, new[] { 3, 1, 1, 4 } },
        new[] { new[] { 2, 1, 3, 1, 2 }, new[] { 2, 1, 2, 1 }, new[] { 2, 2, 3, 2, 2 } },
        new[] { new[] { 2, 1, 3, 1, 2, 1 }, new[] { 1, 2, 1, 2, 1, 3 }, new[] { 2, 2, 3, 2, 2, 3 } },
        new[] { new[] { 2, 1, 2, 1, 2, 1, 2, 1 }, new[] { 1, 2, 1, 2, 1, 2, 1, 2 }, new[] { 2, 2, 2, 2, 2, 2, 2, 2 } },
        new[] { new[] { 1 }, new[] { 1 }, new[] { 1 } },
    };

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatSameShapeWithEachActivation(string implementation)
    {
        // Vectors of TFLM's add_test.cc.
        float[] a = { -2.0f, 0.2f, 0.7f, 0.8f };
        float[] b = { 0.1f, 0.2f, 0.3f, 0.5f };
        int[] shape = { 1, 2, 2, 1 };
        (ActivationFunctionType Activation, float Min, float Max)[] activations =
        {
            (ActivationFunctionType.NONE, float.MinValue, float.MaxValue),
            (ActivationFunctionType.RELU, 0f, float.MaxValue),
            (ActivationFunctionType.RELU_N1_TO_1, -1f, 1f),
            (ActivationFunctionType.RELU6, 0f, 6f),
        };
        foreach (var (activation, min, max) in activations)
        {
            using KernelRunner runner = BinaryOpHarness.Runner(implementation, Op,
                TestTensor.Float(shape, a), TestTensor.Float(shape, b), TestTensor.Float(shape), activation);
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            float[] expected = new float[4];
            for (int i = 0; i < 4; i++) expected[i] = Math.Min(Math.Max(a[i] + b[i], min), max);
            Assert.Equal(expected, runner.Get<float>(2));
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatBroadcastingMatchesNaiveIndexing(string implementation)
    {
        Random random = new Random(11);
        foreach (int[][] shapes in BroadcastCases)
        {
            float[] a = BinaryOpHarness.RandomFloats(random, BinaryOpHarness.Count(shapes[0]), 10f);
            float[] b = BinaryOpHarness.RandomFloats(random, BinaryOpHarness.Count(shapes[1]), 10f);
            using KernelRunner runner = BinaryOpHarness.Runner(implementation, Op,
                TestTensor.Float(shapes[0], a), TestTensor.Float(shapes[1], b), TestTensor.Float(shapes[2]));
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(BinaryOpHarness.Broadcast(a, shapes[0], b, shapes[1], shapes[2], (x, y) => x + y), runner.Get<float>(2));
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int32WrapsAndIgnoresTheActivation(string implementation)
    {
        // TFLM adds int32 without any clamp, even with a fused RELU.
        int[] a = { int.MaxValue, -5, 7, int.MinValue };
        int[] b = { 1, 2, -10, -1 };
        using KernelRunner runner = BinaryOpHarness.Runner(implementation, Op,
            TestTensor.Int32(new[] { 4 }, a), TestTensor.Int32(new[] { 4 }, b), TestTensor.Int32(new[] { 4 }, null), ActivationFunctionType.RELU);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        int[] expected = new int[4];
        for (int i = 0; i < 4; i++) expected[i] = unchecked(a[i] + b[i]);
        Assert.Equal(expected, runner.Get<int>(2));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int32BroadcastsAScalar(string implementation)
    {
        int[] a = { 1, -2, 3, -4, 5, -6 };
        using KernelRunner runner = BinaryOpHarness.Runner(implementation, Op,
            TestTensor.Int32(new[] { 2, 3 }, a), TestTensor.Int32(Array.Empty<int>(), new[] { 100 }), TestTensor.Int32(new[] { 2, 3 }, null));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(new[] { 101, 98, 103, 96, 105, 94 }, runner.Get<int>(2));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8MatchesRealArithmeticWithBroadcastingAndZeroPoints(string implementation)
    {
        Random random = new Random(5);
        (float S1, int Z1, float S2, int Z2, float So, int Zo)[] quantizations =
        {
            (0.5f, 1, 0.5f, -2, 1f, 3),
            (0.0235f, -7, 0.0611f, 20, 0.08f, -12),
            (0.1f, 0, 0.003f, 127, 0.05f, -128),
        };
        foreach (var q in quantizations)
        {
            foreach (int[][] shapes in BroadcastCases)
            {
                sbyte[] a = BinaryOpHarness.RandomInt8(random, BinaryOpHarness.Count(shapes[0]));
                sbyte[] b = BinaryOpHarness.RandomInt8(random, BinaryOpHarness.Count(shapes[1]));
                using KernelRunner runner = BinaryOpHarness.Runner(implementation, Op,
                    TestTensor.Int8(shapes[0], a, q.S1, q.Z1), TestTensor.Int8(shapes[1], b, q.S2, q.Z2),
                    TestTensor.Int8(shapes[2], null, q.So, q.Zo));
                Assert.Equal(Status.Ok, runner.InitAndPrepare());
                Assert.Equal(Status.Ok, runner.Invoke());
                sbyte[] actual = runner.Get<sbyte>(2);
                int[] ia = BinaryOpHarness.SourceIndices(shapes[0], shapes[2]);
                int[] ib = BinaryOpHarness.SourceIndices(shapes[1], shapes[2]);
                for (int i = 0; i < actual.Length; i++)
                {
                    double real = ((a[ia[i]] - q.Z1) * (double)q.S1 + (b[ib[i]] - q.Z2) * (double)q.S2) / q.So + q.Zo;
                    int expected = BinaryOpHarness.QuantizeReal(real, -128, 127, out bool nearTie);
                    if (nearTie) Assert.InRange(actual[i], expected - 1, expected + 1);
                    else Assert.Equal(expected, actual[i]);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8ActivationClampsInTheQuantizedDomain(string implementation)
    {
        // Scales 1 and zero point 0 on the inputs, output scale 1 with zero point -3: y = a + b - 3, RELU at q = -3,
        // RELU6 at q = 3, RELU_N1_TO_1 at q = -4..-2.
        sbyte[] a = { -128, -10, -1, 0, 1, 2, 5, 120 };
        sbyte[] b = { -128, 4, 0, 0, 0, 3, 5, 120 };
        (ActivationFunctionType Activation, int Min, int Max)[] cases =
        {
            (ActivationFunctionType.NONE, -128, 127),
            (ActivationFunctionType.RELU, -3, 127),
            (ActivationFunctionType.RELU6, -3, 3),
            (ActivationFunctionType.RELU_N1_TO_1, -4, -2),
        };
        foreach (var (activation, min, max) in cases)
        {
            using KernelRunner runner = BinaryOpHarness.Runner(implementation, Op,
                TestTensor.Int8(new[] { 8 }, a, 1f, 0), TestTensor.Int8(new[] { 8 }, b, 1f, 0),
                TestTensor.Int8(new[] { 8 }, null, 1f, -3), activation);
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            sbyte[] expected = new sbyte[8];
            for (int i = 0; i < 8; i++) expected[i] = (sbyte)Math.Clamp(a[i] + b[i] - 3, min, max);
            Assert.Equal(expected, runner.Get<sbyte>(2));
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int16MatchesRealArithmeticIncludingExtremes(string implementation)
    {
        Random random = new Random(9);
        (float S1, float S2, float So)[] scales = { (0.00058525f, 0.00080693f, 0.00102444f), (1f / 32768, 1f / 32768, 1f / 16384), (0.01f, 0.002f, 0.0005f) };
        foreach (var q in scales)
        {
            foreach (int[][] shapes in BroadcastCases)
            {
                short[] a = BinaryOpHarness.RandomInt16(random, BinaryOpHarness.Count(shapes[0]));
                short[] b = BinaryOpHarness.RandomInt16(random, BinaryOpHarness.Count(shapes[1]));
                a[0] = short.MinValue;
                b[^1] = short.MaxValue;
                using KernelRunner runner = BinaryOpHarness.Runner(implementation, Op,
                    TestTensor.Int16(shapes[0], a, q.S1, 0), TestTensor.Int16(shapes[1], b, q.S2, 0), TestTensor.Int16(shapes[2], null, q.So, 0));
                Assert.Equal(Status.Ok, runner.InitAndPrepare());
                Assert.Equal(Status.Ok, runner.Invoke());
                short[] actual = runner.Get<short>(2);
                int[] ia = BinaryOpHarness.SourceIndices(shapes[0], shapes[2]);
                int[] ib = BinaryOpHarness.SourceIndices(shapes[1], shapes[2]);
                for (int i = 0; i < actual.Length; i++)
                {
                    double real = (a[ia[i]] * (double)q.S1 + b[ib[i]] * (double)q.S2) / q.So;
                    int expected = BinaryOpHarness.QuantizeReal(real, short.MinValue, short.MaxValue, out bool nearTie);
                    // The 15-bit headroom costs int16 a little precision: allow one step near ties only.
                    if (nearTie) Assert.InRange(actual[i], expected - 1, expected + 1);
                    else Assert.Equal(expected, actual[i]);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void EmptyTensorsComputeNothing(string implementation)
    {
        using KernelRunner runner = BinaryOpHarness.Runner(implementation, Op,
            TestTensor.Float(new[] { 0, 3 }), TestTensor.Float(new[] { 3 }, new float[] { 1, 2, 3 }), TestTensor.Float(new[] { 0, 3 }));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void PrepareRejectsBadTypesShapesActivationsAndScales(string implementation)
    {
        using (KernelRunner runner = BinaryOpHarness.Runner(implementation, Op,
            TestTensor.Float(new[] { 4 }), TestTensor.Int32(new[] { 4 }, null), TestTensor.Float(new[] { 4 })))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("input 2 tensor 1 has type INT32, expected FLOAT32", runner.Errors.MessageText);
        }
        using (KernelRunner runner = BinaryOpHarness.Runner(implementation, Op,
            TestTensor.Float(new[] { 2, 3 }), TestTensor.Float(new[] { 2 }), TestTensor.Float(new[] { 2, 3 })))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("output tensor 2 shape [2, 3] is not the broadcast of input tensor 0 [2, 3] and input tensor 1 [2]", runner.Errors.MessageText);
        }
        using (KernelRunner runner = BinaryOpHarness.Runner(implementation, Op,
            TestTensor.Float(new[] { 2, 3 }), TestTensor.Float(new[] { 3 }), TestTensor.Float(new[] { 3 })))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("is not the broadcast of", runner.Errors.MessageText);
        }
        using (KernelRunner runner = BinaryOpHarness.Runner(implementation, Op,
            TestTensor.Float(new[] { 4 }), TestTensor.Float(new[] { 4 }), TestTensor.Float(new[] { 4 }), ActivationFunctionType.TANH))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("unsupported fused activation 4", runner.Errors.MessageText);
        }
        using (KernelRunner runner = BinaryOpHarness.Runner(implementation, Op,
            TestTensor.Int32(new[] { 4 }, null, 0.5f), TestTensor.Int32(new[] { 4 }, null), TestTensor.Int32(new[] { 4 }, null)))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("int32 ADD supports only unquantized inputs", runner.Errors.MessageText);
        }
        using (KernelRunner runner = BinaryOpHarness.Runner(implementation, Op,
            TestTensor.Int8(new[] { 4 }, null, 1f, 0), TestTensor.Int8(new[] { 4 }, null, 1f, 0), TestTensor.Int8(new[] { 4 }, null, 1e-7f, 0)))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("output scale", runner.Errors.MessageText);
        }
        using (KernelRunner runner = BinaryOpHarness.Runner(implementation, Op,
            TestTensor.Int8(new[] { 4 }, null, 1f, 0), TestTensor.Int8(new[] { 4 }, null, 1f, 0), TestTensor.Int8(new[] { 4 }, null, 1f, 0)))
        {
            runner.Node.Inputs[0] = 3;
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("expects 2 inputs and 1 output, got 3 inputs", runner.Errors.MessageText);
        }
        using (KernelRunner runner = BinaryOpHarness.Runner(implementation, Op,
            TestTensor.Float(new[] { 2, 1, 1, 1, 1, 1, 1, 1, 1 }), TestTensor.Float(new[] { 1 }), TestTensor.Float(new[] { 2, 1, 1, 1, 1, 1, 1, 1, 1 })))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("at most 8 dimensions", runner.Errors.MessageText);
        }
    }
}
