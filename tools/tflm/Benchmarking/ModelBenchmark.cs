using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using TfLiteMicro.Npy;
using TfLiteMicro.Profiling;
using TfLiteMicro.Tools.Running;

namespace TfLiteMicro.Tools.Benchmarking;

/// <summary>How a benchmark runs: inputs, warm-up and how many timed invocations.</summary>
public sealed class BenchmarkOptions
{
    public string Kernels { get; init; } = "reference";

    /// <summary>Inputs in model order; none: fixed pseudo-random data (which some models, e.g. token ids, reject).</summary>
    public IReadOnlyList<NpyArray> Inputs { get; init; } = Array.Empty<NpyArray>();

    /// <summary>
    /// Untimed invocations for at least this long first (and until the time per call settles): the JIT compiles hot
    /// methods in tiers (and with dynamic PGO re-compiles them after ~30 calls and a delay), so early invocations
    /// time unoptimised code. 0: one untimed call only.
    /// </summary>
    public double WarmupSeconds { get; init; } = 0.5;

    /// <summary>Timed invocations; null: as many as fit in <see cref="MeasureSeconds"/> (at least <see cref="MinimumIterations"/>).</summary>
    public int? Iterations { get; init; }

    public double MeasureSeconds { get; init; } = 1.0;

    public const int MinimumIterations = 20;

    /// <summary>Warm-up calls at least (the JIT's call counting promotes methods after about 30).</summary>
    public const int MinimumWarmupInvokes = 64;

    /// <summary>Calls per warm-up window whose median is compared with the previous windows'.</summary>
    public const int WarmupWindow = 16;

    /// <summary>The warm-up ends here even if the time per call has not settled.</summary>
    public const double MaxWarmupSeconds = 30;

    /// <summary>Invocations run with the profiler attached afterwards, for the per-operator breakdown.</summary>
    public int ProfiledIterations { get; init; } = 50;
}

/// <summary>Progress of a benchmark: the phase ("warm-up", "timing", "profiling") and the fraction done.</summary>
public delegate void BenchmarkProgress(string phase, double fraction);

/// <summary>
/// Times Invoke on one thread: fills the inputs (given .npy files, or fixed pseudo-random bytes), invokes untimed for
/// the warm-up time, then times each measured invocation alone with no profiler attached (so the numbers are what an
/// application sees), and finally runs a separate profiled interpreter for the share of each operator type.
/// </summary>
public static class ModelBenchmark
{
    public static BenchmarkResult Run(string modelPath, BenchmarkOptions options, BenchmarkProgress? progress = null)
    {
        double ticksToMicroseconds = 1e6 / Stopwatch.Frequency;
        using ModelRunner runner = ModelRunner.Open(modelPath, ModelRunner.DefaultArenaBytes, preserveAllTensors: false, options.Kernels);
        MicroInterpreter interpreter = runner.Interpreter;
        FillInputs(runner, options.Inputs);

        // Warm-up: at least the warm-up time and MinimumWarmupInvokes calls, then on until the time per call has
        // settled (three windows of calls with medians within 10% of each other): the JIT promotes hot methods to
        // optimised code in the background after ~30 calls, later still on a loaded machine. Capped at MaxWarmupSeconds.
        long warmupTicks = (long)(options.WarmupSeconds * Stopwatch.Frequency);
        long warmupCap = (long)(Math.Max(options.WarmupSeconds, BenchmarkOptions.MaxWarmupSeconds) * Stopwatch.Frequency);
        long warmupStart = Stopwatch.GetTimestamp();
        int warmupInvokes = 0;
        var window = new List<long>(BenchmarkOptions.WarmupWindow);
        var windowMedians = new List<long>();
        bool settled = false;
        while (true)
        {
            if (options.WarmupSeconds == 0 && warmupInvokes > 0) break;
            long start = Stopwatch.GetTimestamp();
            Check(interpreter.Invoke(), interpreter);
            long end = Stopwatch.GetTimestamp();
            warmupInvokes++;
            window.Add(end - start);
            if (window.Count == BenchmarkOptions.WarmupWindow)
            {
                window.Sort();
                windowMedians.Add(window[window.Count / 2]);
                window.Clear();
                settled = windowMedians.Count >= 3 && Within(windowMedians[^1], windowMedians[^2], 0.10) && Within(windowMedians[^1], windowMedians[^3], 0.10);
            }
            long elapsed = end - warmupStart;
            if ((warmupInvokes & 15) == 0) progress?.Invoke("warm-up", Math.Min(1, elapsed / (double)Math.Max(1, warmupTicks)));
            if (elapsed >= warmupCap) break;
            if (elapsed >= warmupTicks && warmupInvokes >= BenchmarkOptions.MinimumWarmupInvokes && settled) break;
        }
        double warmupSeconds = (Stopwatch.GetTimestamp() - warmupStart) / (double)Stopwatch.Frequency;

        // Timed invocations, each alone.
        var samples = new List<double>(options.Iterations ?? 1024);
        long measureTicks = (long)(options.MeasureSeconds * Stopwatch.Frequency);
        long measureStart = Stopwatch.GetTimestamp();
        while (true)
        {
            long start = Stopwatch.GetTimestamp();
            Check(interpreter.Invoke(), interpreter);
            long end = Stopwatch.GetTimestamp();
            samples.Add((end - start) * ticksToMicroseconds);
            double fraction = options.Iterations.HasValue
                ? samples.Count / (double)options.Iterations.Value
                : Math.Min((end - measureStart) / (double)Math.Max(1, measureTicks), samples.Count / (double)BenchmarkOptions.MinimumIterations);
            if ((samples.Count & 7) == 0) progress?.Invoke("timing", Math.Min(1, fraction));
            if (options.Iterations.HasValue ? samples.Count >= options.Iterations.Value
                : samples.Count >= BenchmarkOptions.MinimumIterations && end - measureStart >= measureTicks) break;
        }

        IReadOnlyList<OperatorTiming> operators = ProfileOperators(modelPath, options, runner, progress);

        double[] sorted = samples.OrderBy(s => s).ToArray();
        double median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        return new BenchmarkResult
        {
            Model = modelPath,
            Kernels = options.Kernels,
            Iterations = samples.Count,
            WarmupSeconds = warmupSeconds,
            WarmupInvokes = warmupInvokes,
            InputsFromFiles = options.Inputs.Count > 0,
            MedianMicroseconds = median,
            MinMicroseconds = sorted[0],
            MeanMicroseconds = samples.Average(),
            ArenaBytes = interpreter.ArenaUsedBytes,
            Operators = operators,
        };
    }

    /// <summary>A second interpreter with the profiler attached: time per operator type, as shares of the profiled total.</summary>
    private static IReadOnlyList<OperatorTiming> ProfileOperators(string modelPath, BenchmarkOptions options, ModelRunner timed, BenchmarkProgress? progress)
    {
        int iterations = Math.Max(1, options.ProfiledIterations);
        var profiler = new EventProfiler(StopwatchTickSource.Instance, 1 << 16);
        using ModelRunner runner = ModelRunner.Open(modelPath, ModelRunner.DefaultArenaBytes, preserveAllTensors: false, options.Kernels, profiler);
        for (int i = 0; i < timed.InputCount; i++) timed.Interpreter.Input(i).DataBytes.CopyTo(runner.Interpreter.Input(i).DataBytes);
        for (int i = 0; i < Math.Min(iterations, 10); i++) Check(runner.Interpreter.Invoke(), runner.Interpreter);

        var perOperator = new Dictionary<string, (int Nodes, long Ticks)>(StringComparer.Ordinal);
        for (int i = 0; i < iterations; i++)
        {
            profiler.Clear();
            Check(runner.Interpreter.Invoke(), runner.Interpreter);
            for (int e = 0; e < profiler.EventCount; e++)
            {
                string tag = profiler.GetTag(e).ToString();
                perOperator.TryGetValue(tag, out (int Nodes, long Ticks) entry);
                perOperator[tag] = (entry.Nodes + (i == 0 ? 1 : 0), entry.Ticks + profiler.GetTicks(e));
            }
            progress?.Invoke("profiling", (i + 1) / (double)iterations);
        }
        double ticksToMicroseconds = 1e6 / Stopwatch.Frequency;
        double total = perOperator.Values.Sum(v => (double)v.Ticks);
        return perOperator
            .Select(pair => new OperatorTiming
            {
                Name = pair.Key,
                Nodes = pair.Value.Nodes,
                MicrosecondsPerInvoke = pair.Value.Ticks * ticksToMicroseconds / iterations,
                Share = total > 0 ? pair.Value.Ticks / total : 0,
            })
            .OrderByDescending(o => o.MicrosecondsPerInvoke)
            .ToList();
    }

    private static void FillInputs(ModelRunner runner, IReadOnlyList<NpyArray> inputs)
    {
        if (inputs.Count > 0)
        {
            runner.SetInputs(inputs);
            return;
        }
        // Deterministic bytes (the same on every run) so timings are comparable.
        MicroInterpreter interpreter = runner.Interpreter;
        var random = new Random(1234);
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

    private static bool Within(long a, long b, double fraction) => Math.Abs(a - b) <= fraction * Math.Max(a, b);

    private static void Check(Status status, MicroInterpreter interpreter)
    {
        if (status != Status.Ok)
            throw new ToolException("Invoke failed: " + interpreter.Errors.MessageText
                + " (the inputs are pseudo-random unless given with --input: a model that needs valid values, e.g. token ids, needs --input)");
    }
}
