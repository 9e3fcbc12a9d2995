using System;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.Transpose;

/// <summary>TRANSPOSE. Expectation: output[i0..in] = input at the index with output axis k taken from input axis perm[k].</summary>
public class TransposeTests
{
    private static KernelRunner Runner(string implementation, TestTensor input, int[] permutation, TestTensor output, bool constantPermutation = true) =>
        new KernelRunner(KernelImplementations.Get(implementation, BuiltinOperator.TRANSPOSE),
            new[] { input, TestTensor.Int32(new[] { permutation.Length }, permutation, isConstant: constantPermutation), output },
            new[] { 0, 1 }, new[] { 2 }, BuiltinOperator.TRANSPOSE);

    private static int[] Permuted(int[] shape, int[] permutation) => Array.ConvertAll(permutation, p => shape[p]);

    private static T[] Expected<T>(T[] input, int[] shape, int[] permutation)
    {
        int rank = shape.Length;
        int[] outShape = Permuted(shape, permutation);
        int[] inStrides = new int[rank];
        int stride = 1;
        for (int d = rank - 1; d >= 0; d--) { inStrides[d] = stride; stride *= shape[d]; }
        T[] result = new T[input.Length];
        int[] index = new int[rank];
        for (int flat = 0; flat < result.Length; flat++)
        {
            int rest = flat;
            for (int d = rank - 1; d >= 0; d--) { index[d] = rest % outShape[d]; rest /= outShape[d]; }
            int source = 0;
            for (int k = 0; k < rank; k++) source += index[k] * inStrides[permutation[k]];
            result[flat] = input[source];
        }
        return result;
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void TwoDimensionalIsTheMatrixTranspose(string implementation)
    {
        float[] input = { 1, 2, 3, 4, 5, 6 };
        using KernelRunner runner = Runner(implementation, TestTensor.Float(new[] { 2, 3 }, input), new[] { 1, 0 }, TestTensor.Float(new[] { 3, 2 }));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(new float[] { 1, 4, 2, 5, 3, 6 }, runner.Get<float>(2));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void EveryElementSizeAndHigherRanks(string implementation)
    {
        int[] shape = { 2, 3, 4, 5 };
        int[] permutation = { 2, 0, 3, 1 };
        int count = 120;
        sbyte[] bytes = new sbyte[count];
        short[] shorts = new short[count];
        int[] ints = new int[count];
        long[] longs = new long[count];
        for (int i = 0; i < count; i++) { bytes[i] = (sbyte)(i - 60); shorts[i] = (short)(i * 300 - 20000); ints[i] = i * 12345 - 700000; longs[i] = (long)i << 40; }

        using (KernelRunner runner = Runner(implementation, TestTensor.Int8(shape, bytes, 1f, 0), permutation, TestTensor.Int8(Permuted(shape, permutation), null, 1f, 0)))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(Expected(bytes, shape, permutation), runner.Get<sbyte>(2));
        }
        using (KernelRunner runner = Runner(implementation, TestTensor.Int16(shape, shorts, 1f, 0), permutation, TestTensor.Int16(Permuted(shape, permutation), null, 1f, 0)))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(Expected(shorts, shape, permutation), runner.Get<short>(2));
        }
        using (KernelRunner runner = Runner(implementation, TestTensor.Int32(shape, ints), permutation, TestTensor.Int32(Permuted(shape, permutation), null)))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(Expected(ints, shape, permutation), runner.Get<int>(2));
        }
        using (KernelRunner runner = Runner(implementation, TestTensor.Int64(shape, longs), permutation, TestTensor.Int64(Permuted(shape, permutation), null)))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(Expected(longs, shape, permutation), runner.Get<long>(2));
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void SixDimensions(string implementation)
    {
        int[] shape = { 2, 1, 3, 2, 2, 3 };
        int[] permutation = { 5, 3, 1, 0, 4, 2 };
        float[] input = new float[72];
        for (int i = 0; i < 72; i++) input[i] = i * 0.5f;
        using KernelRunner runner = Runner(implementation, TestTensor.Float(shape, input), permutation, TestTensor.Float(Permuted(shape, permutation)));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(Expected(input, shape, permutation), runner.Get<float>(2));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsBadPermutationsAndShapes(string implementation)
    {
        using (KernelRunner runner = Runner(implementation, TestTensor.Float(new[] { 2, 3 }, new float[6]), new[] { 1, 1 }, TestTensor.Float(new[] { 3, 2 })))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("is not a permutation", runner.Errors.MessageText);
        }
        using (KernelRunner runner = Runner(implementation, TestTensor.Float(new[] { 2, 3 }, new float[6]), new[] { 1, 0 }, TestTensor.Float(new[] { 2, 3 })))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("dimension 0 is 2, expected 3", runner.Errors.MessageText);
        }
        using (KernelRunner runner = Runner(implementation, TestTensor.Float(new[] { 2, 3 }, new float[6]), new[] { 1, 0, 2 }, TestTensor.Float(new[] { 3, 2 })))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("3 entries for a rank-2 input", runner.Errors.MessageText);
        }
    }
}
