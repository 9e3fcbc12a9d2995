using System;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;

namespace TfLiteMicro.Kernels.Tests.Elementwise;

/// <summary>
/// Shared plumbing for the two-input elementwise op tests (ADD, SUB, MUL, DIV, MAXIMUM, MINIMUM): a runner over
/// tensors 0 (input 1), 1 (input 2) and 2 (output), and an independent, naive broadcasting reference that maps
/// every output element to its two input elements by explicit coordinate arithmetic.
/// </summary>
internal static class BinaryOpHarness
{
    public static KernelRunner Runner(string implementation, BuiltinOperator op, TestTensor input1, TestTensor input2, TestTensor output,
        ActivationFunctionType activation = ActivationFunctionType.NONE)
    {
        BuiltinOptions optionsType = op switch
        {
            BuiltinOperator.ADD => BuiltinOptions.AddOptions,
            BuiltinOperator.SUB => BuiltinOptions.SubOptions,
            BuiltinOperator.MUL => BuiltinOptions.MulOptions,
            BuiltinOperator.DIV => BuiltinOptions.DivOptions,
            _ => BuiltinOptions.MaximumMinimumOptions,
        };
        FbTable options = optionsType == BuiltinOptions.MaximumMinimumOptions
            ? new FbTable()
            : new FbTable().Scalar(0, (sbyte)activation);
        return new KernelRunner(KernelImplementations.Get(implementation, op), new[] { input1, input2, output },
            new[] { 0, 1 }, new[] { 2 }, op, (byte)optionsType, options);
    }

    /// <summary>
    /// For each output element (row-major over <paramref name="outputShape"/>), the flat index of the input
    /// element it reads from a tensor of <paramref name="inputShape"/> under right-aligned broadcasting.
    /// </summary>
    public static int[] SourceIndices(int[] inputShape, int[] outputShape)
    {
        int count = 1;
        foreach (int d in outputShape) count *= d;
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

    public static float[] RandomFloats(Random random, int count, float scale = 1f)
    {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) values[i] = (float)(random.NextDouble() * 2 - 1) * scale;
        return values;
    }

    public static sbyte[] RandomInt8(Random random, int count)
    {
        sbyte[] values = new sbyte[count];
        for (int i = 0; i < count; i++) values[i] = (sbyte)random.Next(-128, 128);
        return values;
    }

    public static short[] RandomInt16(Random random, int count)
    {
        short[] values = new short[count];
        for (int i = 0; i < count; i++) values[i] = (short)random.Next(-32768, 32768);
        return values;
    }

    public static int Count(int[] shape)
    {
        int count = 1;
        foreach (int d in shape) count *= d;
        return count;
    }

    /// <summary>
    /// Round half away from zero of a real result, clamped to [min, max]; also says whether the real value lies
    /// so close to a rounding boundary that fixed-point requantization may legitimately land one step away.
    /// </summary>
    /// <summary>
    /// Rounds a real result to the quantized grid. <paramref name="nearTie"/> is set when the value is so close to a
    /// half that TFLM's double rounding (round to 31 bits in the doubling high multiply, then round again in the
    /// right shift) may legitimately land on the other neighbour; a right shift of 7 bits moves a result by up to
    /// 0.5/128 ≈ 0.004 before the second rounding, so the window is 0.01 wide on each side.
    /// </summary>
    public static int QuantizeReal(double real, int min, int max, out bool nearTie)
    {
        double fraction = Math.Abs(real - Math.Truncate(real));
        nearTie = Math.Abs(fraction - 0.5) < 1e-2;
        double rounded = Math.Round(real, MidpointRounding.AwayFromZero);
        return rounded < min ? min : rounded > max ? max : (int)rounded;
    }
}
