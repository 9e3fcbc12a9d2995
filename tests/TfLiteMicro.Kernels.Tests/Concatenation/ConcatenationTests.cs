using System;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.Concatenation;

/// <summary>CONCATENATION. Expectation: along the axis, the inputs' slabs one after another for every outer index.</summary>
public class ConcatenationTests
{
    private static KernelRunner Runner(string implementation, TestTensor[] inputs, TestTensor output, int axis,
        ActivationFunctionType activation = ActivationFunctionType.NONE)
    {
        TestTensor[] tensors = new TestTensor[inputs.Length + 1];
        int[] inputIndices = new int[inputs.Length];
        for (int i = 0; i < inputs.Length; i++) { tensors[i] = inputs[i]; inputIndices[i] = i; }
        tensors[inputs.Length] = output;
        return new KernelRunner(KernelImplementations.Get(implementation, BuiltinOperator.CONCATENATION), tensors, inputIndices,
            new[] { inputs.Length }, BuiltinOperator.CONCATENATION, (byte)BuiltinOptions.ConcatenationOptions,
            new FbTable().Scalar(0, axis).Scalar(1, (sbyte)activation));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatAlongEachAxisOfTwoByThree(string implementation)
    {
        // TFLM concatenation_test.cc: two 2x3 inputs.
        float[] a = { 1, 2, 3, 4, 5, 6 };
        float[] b = { 7, 8, 9, 10, 11, 12 };
        using (KernelRunner runner = Runner(implementation, new[] { TestTensor.Float(new[] { 2, 3 }, a), TestTensor.Float(new[] { 2, 3 }, b) },
            TestTensor.Float(new[] { 4, 3 }), axis: 0))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new float[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 }, runner.Get<float>(2));
        }
        using (KernelRunner runner = Runner(implementation, new[] { TestTensor.Float(new[] { 2, 3 }, a), TestTensor.Float(new[] { 2, 3 }, b) },
            TestTensor.Float(new[] { 2, 6 }), axis: -1))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new float[] { 1, 2, 3, 7, 8, 9, 4, 5, 6, 10, 11, 12 }, runner.Get<float>(2));
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void ThreeInputsOfDifferentWidthsInt32LikeTheAudioPreprocessor(string implementation)
    {
        // micro_speech's preprocessor concatenates [21] zeros with [236] values; here 1D and 2D variants.
        int[] a = { 1, 2 };
        int[] b = { 3, 4, 5 };
        int[] c = { 6 };
        using (KernelRunner runner = Runner(implementation, new[] { TestTensor.Int32(new[] { 2 }, a), TestTensor.Int32(new[] { 3 }, b), TestTensor.Int32(new[] { 1 }, c) },
            TestTensor.Int32(new[] { 6 }, null), axis: 0))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new[] { 1, 2, 3, 4, 5, 6 }, runner.Get<int>(3));
        }
        short[] x = { 1, 2, 3, 4 };          // 2x1x2
        short[] y = { 5, 6, 7, 8, 9, 10, 11, 12 }; // 2x2x2
        using (KernelRunner runner = Runner(implementation, new[] { TestTensor.Int16(new[] { 2, 1, 2 }, x, 1f, 0), TestTensor.Int16(new[] { 2, 2, 2 }, y, 1f, 0) },
            TestTensor.Int16(new[] { 2, 3, 2 }, null, 1f, 0), axis: 1))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new short[] { 1, 2, 5, 6, 7, 8, 3, 4, 9, 10, 11, 12 }, runner.Get<short>(2));
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8Int64AndBoolCopyBits(string implementation)
    {
        using (KernelRunner runner = Runner(implementation, new[] { TestTensor.Int8(new[] { 1, 2 }, new sbyte[] { -128, 127 }, 0.1f, 0), TestTensor.Int8(new[] { 1, 1 }, new sbyte[] { 5 }, 0.1f, 0) },
            TestTensor.Int8(new[] { 1, 3 }, null, 0.1f, 0), axis: 1))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new sbyte[] { -128, 127, 5 }, runner.Get<sbyte>(2));
        }
        using (KernelRunner runner = Runner(implementation, new[] { TestTensor.Int64(new[] { 1 }, new[] { long.MinValue }), TestTensor.Int64(new[] { 1 }, new[] { long.MaxValue }) },
            TestTensor.Int64(new[] { 2 }, null), axis: 0))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new[] { long.MinValue, long.MaxValue }, runner.Get<long>(2));
        }
        using (KernelRunner runner = Runner(implementation, new[] { new TestTensor(TensorType.Bool, new[] { 2 }, new byte[] { 1, 0 }), new TestTensor(TensorType.Bool, new[] { 1 }, new byte[] { 1 }) },
            new TestTensor(TensorType.Bool, new[] { 3 }), axis: 0))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new byte[] { 1, 0, 1 }, runner.Get<byte>(2));
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsActivationsAxesTypesAndShapes(string implementation)
    {
        TestTensor[] twoByThree = { TestTensor.Float(new[] { 2, 3 }, new float[6]), TestTensor.Float(new[] { 2, 3 }, new float[6]) };
        using (KernelRunner runner = Runner(implementation, twoByThree, TestTensor.Float(new[] { 4, 3 }), axis: 0, ActivationFunctionType.RELU))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("fused activation 1 is not supported", runner.Errors.MessageText);
        }
        using (KernelRunner runner = Runner(implementation, twoByThree, TestTensor.Float(new[] { 4, 3 }), axis: 2))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("axis 2 is outside the output's 2 dimensions", runner.Errors.MessageText);
        }
        using (KernelRunner runner = Runner(implementation, twoByThree, TestTensor.Float(new[] { 5, 3 }), axis: 0))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("inputs add up to 4 along axis 0", runner.Errors.MessageText);
        }
        using (KernelRunner runner = Runner(implementation, new[] { TestTensor.Float(new[] { 2, 3 }, new float[6]), TestTensor.Int32(new[] { 2, 3 }, new int[6]) },
            TestTensor.Float(new[] { 4, 3 }), axis: 0))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("input tensor 1 has type INT32, expected FLOAT32", runner.Errors.MessageText);
        }
    }
}
