using System;
using System.Runtime.InteropServices;

namespace TfLiteMicro.Examples.MlperfTiny;

/// <summary>Runs one benchmark on its golden input: load, register its ops, allocate, copy the input in, Invoke.</summary>
public static class MlperfRunner
{
    public static MlperfResult Run(MlperfBenchmark benchmark)
    {
        OpResolver resolver = new OpResolver(8);
        Resolvers.Check(resolver, benchmark.RegisterOps(resolver), benchmark.Id);
        using ModelSession session = ModelSession.Open(benchmark.Id, EmbeddedData.Read(benchmark.ModelResource), resolver, benchmark.ArenaBytes);
        MicroInterpreter interpreter = session.Interpreter;

        TensorInfo input = interpreter.Input(0);
        TensorInfo output = interpreter.Output(0);
        if (input.Type != TensorType.Int8 || output.Type != TensorType.Int8)
            throw new InvalidOperationException(benchmark.Id + ": expected an int8 model");
        NpyFile goldenInput = NpyFile.Parse(EmbeddedData.Read(benchmark.GoldenInputResource));
        NpyFile goldenOutput = NpyFile.Parse(EmbeddedData.Read(benchmark.GoldenOutputResource));
        CheckMatches(benchmark.GoldenInputResource, goldenInput, input);
        CheckMatches(benchmark.GoldenOutputResource, goldenOutput, output);

        goldenInput.Data.CopyTo(input.DataBytes);
        session.Invoke();

        sbyte[] result = output.DataAs<sbyte>().ToArray();
        sbyte[] golden = MemoryMarshal.Cast<byte, sbyte>(goldenOutput.Data).ToArray();
        int top = -1;
        float topProbability = 0;
        float anomalyScore = 0;
        if (benchmark.Labels != null)
        {
            top = ArgMax(result);
            topProbability = (result[top] - output.Quantization.ZeroPoint) * output.Quantization.Scale;
        }
        else
        {
            // From the golden bytes, not the input tensor: the planner may reuse the input's memory during Invoke.
            anomalyScore = MeanSquaredError(MemoryMarshal.Cast<byte, sbyte>(goldenInput.Data), input.Quantization, result, output.Quantization);
        }
        return new MlperfResult(benchmark, result, golden, top, topProbability, anomalyScore, interpreter.ArenaUsedBytes);
    }

    private static void CheckMatches(string what, NpyFile file, TensorInfo tensor)
    {
        bool sameShape = file.Shape.AsSpan().SequenceEqual(tensor.Shape);
        if (file.DType != "|i1" || !sameShape || file.Data.Length != tensor.ByteCount)
            throw new InvalidOperationException(what + ": expected int8 data shaped like the model's tensor, got " + file.DType + " [" + string.Join(", ", file.Shape) + "]");
    }

    private static int ArgMax(ReadOnlySpan<sbyte> values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best]) best = i;
        }
        return best;
    }

    /// <summary>MLPerf Tiny's anomaly score: mean squared difference of input and reconstruction, dequantized.</summary>
    private static float MeanSquaredError(ReadOnlySpan<sbyte> x, QuantizationInfo xq, ReadOnlySpan<sbyte> y, QuantizationInfo yq)
    {
        float sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            float original = (x[i] - xq.ZeroPoint) * xq.Scale;
            float reconstructed = (y[i] - yq.ZeroPoint) * yq.Scale;
            sum += (original - reconstructed) * (original - reconstructed);
        }
        return sum / x.Length;
    }
}
