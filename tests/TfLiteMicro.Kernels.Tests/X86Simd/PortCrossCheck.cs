using System;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;

namespace TfLiteMicro.Kernels.Tests.X86Simd;

/// <summary>
/// Runs one node with the reference kernel and with a port's kernel on identical tensors and returns both outputs,
/// so randomized tests can demand bit-identical results on shapes larger than the hand-derived vectors.
/// </summary>
internal static class PortCrossCheck
{
    public const int ArenaBytes = 1 << 22;

    public static (T[] Reference, T[] Port) Run<T>(string port, BuiltinOperator op, TestTensor[] tensors, int[] inputs,
        int outputIndex, BuiltinOptions optionsType, FbTable options) where T : unmanaged
    {
        T[] reference = RunOne<T>(KernelImplementations.Reference, op, tensors, inputs, outputIndex, optionsType, options);
        T[] ported = RunOne<T>(port, op, tensors, inputs, outputIndex, optionsType, options);
        return (reference, ported);
    }

    private static T[] RunOne<T>(string implementation, BuiltinOperator op, TestTensor[] tensors, int[] inputs, int outputIndex,
        BuiltinOptions optionsType, FbTable options) where T : unmanaged
    {
        using KernelRunner runner = new KernelRunner(KernelImplementations.Get(implementation, op), tensors, inputs,
            new[] { outputIndex }, op, (byte)optionsType, options, arenaBytes: ArenaBytes);
        Status prepared = runner.InitAndPrepare();
        if (prepared != Status.Ok) throw new InvalidOperationException(implementation + " Prepare failed: " + runner.Errors.MessageText);
        Status invoked = runner.Invoke();
        if (invoked != Status.Ok) throw new InvalidOperationException(implementation + " Invoke failed: " + runner.Errors.MessageText);
        return runner.Get<T>(outputIndex);
    }

    public static sbyte[] RandomInt8(Random random, int count, int min = sbyte.MinValue, int max = sbyte.MaxValue)
    {
        sbyte[] values = new sbyte[count];
        for (int i = 0; i < count; i++) values[i] = (sbyte)random.Next(min, max + 1);
        return values;
    }

    public static int[] RandomInt32(Random random, int count, int magnitude)
    {
        int[] values = new int[count];
        for (int i = 0; i < count; i++) values[i] = random.Next(-magnitude, magnitude + 1);
        return values;
    }

    public static float[] RandomFloat(Random random, int count)
    {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) values[i] = (float)(random.NextDouble() * 2 - 1);
        return values;
    }

    public static float[] RandomScales(Random random, int count, float low, float high)
    {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) values[i] = low + (float)random.NextDouble() * (high - low);
        return values;
    }
}
