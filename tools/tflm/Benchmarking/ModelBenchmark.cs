using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using TfLiteMicro.Profiling;
using TfLiteMicro.Tools.Running;

namespace TfLiteMicro.Tools.Benchmarking;

/// <summary>
/// Times Invoke: fills the inputs with fixed pseudo-random bytes, runs <c>warmup</c> untimed invocations, then
/// <c>iterations</c> timed ones (each timed alone), and aggregates the profiler's per-op events. Single thread.
/// </summary>
public static class ModelBenchmark
{
    public static BenchmarkResult Run(string modelPath, string kernels, int iterations, int warmup, Action<int>? progress = null)
    {
        EventProfiler profiler = new EventProfiler(StopwatchTickSource.Instance, 1 << 16);
        using ModelRunner runner = ModelRunner.Open(modelPath, ModelRunner.DefaultArenaBytes, preserveAllTensors: false, kernels, profiler);
        MicroInterpreter interpreter = runner.Interpreter;
        FillInputs(interpreter);

        for (int i = 0; i < warmup; i++) Check(interpreter.Invoke(), interpreter);

        double[] samples = new double[iterations];
        Dictionary<string, (int Nodes, long Ticks)> perOperator = new Dictionary<string, (int, long)>(StringComparer.Ordinal);
        double ticksToMicroseconds = 1e6 / Stopwatch.Frequency;
        for (int i = 0; i < iterations; i++)
        {
            profiler.Clear();
            long start = Stopwatch.GetTimestamp();
            Check(interpreter.Invoke(), interpreter);
            long elapsed = Stopwatch.GetTimestamp() - start;
            samples[i] = elapsed * ticksToMicroseconds;
            Accumulate(profiler, perOperator, countNodes: i == 0);
            progress?.Invoke(i + 1);
        }

        double[] sorted = samples.OrderBy(s => s).ToArray();
        double median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        double totalOperatorTicks = perOperator.Values.Sum(v => (double)v.Ticks);
        List<OperatorTiming> operators = perOperator
            .Select(pair => new OperatorTiming
            {
                Name = pair.Key,
                Nodes = pair.Value.Nodes,
                MicrosecondsPerInvoke = pair.Value.Ticks * ticksToMicroseconds / iterations,
                Share = totalOperatorTicks > 0 ? pair.Value.Ticks / totalOperatorTicks : 0,
            })
            .OrderByDescending(o => o.MicrosecondsPerInvoke)
            .ToList();

        return new BenchmarkResult
        {
            Model = modelPath,
            Kernels = kernels,
            Iterations = iterations,
            Warmup = warmup,
            MedianMicroseconds = median,
            MinMicroseconds = sorted[0],
            MeanMicroseconds = samples.Average(),
            ArenaBytes = interpreter.ArenaUsedBytes,
            Operators = operators,
        };
    }

    private static void Accumulate(EventProfiler profiler, Dictionary<string, (int Nodes, long Ticks)> perOperator, bool countNodes)
    {
        for (int e = 0; e < profiler.EventCount; e++)
        {
            string tag = profiler.GetTag(e).ToString();
            perOperator.TryGetValue(tag, out (int Nodes, long Ticks) entry);
            perOperator[tag] = (entry.Nodes + (countNodes ? 1 : 0), entry.Ticks + profiler.GetTicks(e));
        }
    }

    /// <summary>Deterministic input bytes (the same on every run) so timings are comparable.</summary>
    private static void FillInputs(MicroInterpreter interpreter)
    {
        Random random = new Random(1234);
        for (int i = 0; i < interpreter.InputCount; i++)
        {
            TensorInfo input = interpreter.Input(i);
            if (input.Type == TensorType.Float32)
            {
                Span<float> values = input.DataAs<float>();
                for (int j = 0; j < values.Length; j++) values[j] = (float)(random.NextDouble() * 2 - 1);
            }
            else
            {
                random.NextBytes(input.DataBytes);
            }
        }
    }

    private static void Check(Status status, MicroInterpreter interpreter)
    {
        if (status != Status.Ok) throw new ToolException("Invoke failed: " + interpreter.Errors.MessageText);
    }
}
