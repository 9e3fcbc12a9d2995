using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using TfLiteMicro.Npy;
using TfLiteMicro.Tools.CommandLine;
using TfLiteMicro.Tools.Models;
using TfLiteMicro.Tools.Running;

namespace TfLiteMicro.Tools.Commands;

/// <summary>
/// <c>tflm eval MODEL --data DIR [--kernels NAME] [--threads N] [--output-dir DIR]</c>: a folder of inputs through
/// independent interpreters, one per thread (each with its own arena: interpreters share nothing, so they scale with
/// cores), with one line of output per input and the throughput.
/// </summary>
public static partial class EvalCommand
{
    private static readonly string[] Flags = [];
    private static readonly string[] Options = ["--data", "--kernels", "--threads", "--output-dir"];

    /// <summary>One input of the folder: its name and one .npy per model input.</summary>
    public sealed record Sample(string Name, IReadOnlyList<string> Files);

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        CommandLineArguments arguments = CommandLineArguments.Parse(args, Flags, Options);
        if (arguments.HelpRequested)
        {
            stdout.Write(HelpText.Eval);
            return ExitCodes.Ok;
        }
        if (arguments.Positionals.Count != 1)
            throw new UsageException(arguments.Positionals.Count == 0 ? "missing MODEL" : "expected one MODEL, got " + arguments.Positionals.Count + " positional arguments");
        string modelPath = arguments.Positionals[0];
        string data = arguments.GetSingle("--data") ?? throw new UsageException("missing --data DIR");
        if (!Directory.Exists(data)) throw new ToolException("no folder '" + data + "'");
        string kernels = KernelSetOption.Parse(arguments.GetSingle("--kernels")).Name;
        string? threadsText = arguments.GetSingle("--threads");
        int threads = Environment.ProcessorCount;
        if (threadsText != null && (!int.TryParse(threadsText, NumberStyles.None, CultureInfo.InvariantCulture, out threads) || threads < 1 || threads > 1024))
            throw new UsageException("--threads needs a whole number from 1 to 1024, got '" + threadsText + "'");
        string? outputDirectory = arguments.GetSingle("--output-dir");

        int inputCount;
        using (ModelRunner probe = ModelRunner.Open(modelPath, kernels: kernels)) inputCount = probe.InputCount;
        IReadOnlyList<Sample> samples = FindSamples(data, inputCount);
        if (samples.Count == 0)
            throw new ToolException("no inputs in '" + data + "': expected *.npy files" + (inputCount > 1 ? " named NAME_in0.npy ... NAME_in" + (inputCount - 1) + ".npy" : ""));

        ProgressBar? bar = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected ? new ProgressBar(stderr, samples.Count) : null;
        EvalResult result = Evaluate(modelPath, kernels, samples, threads, bar == null ? null : bar.Report);
        bar?.Finish();

        if (outputDirectory != null) Directory.CreateDirectory(outputDirectory);
        for (int i = 0; i < samples.Count; i++)
        {
            IReadOnlyList<NpyArray> outputs = result.Outputs[i];
            stdout.WriteLine(samples[i].Name + ": " + Describe(outputs));
            if (outputDirectory == null) continue;
            for (int j = 0; j < outputs.Count; j++)
                NpyWriter.WriteFile(Path.Combine(outputDirectory, samples[i].Name + "_out" + j.ToString(CultureInfo.InvariantCulture) + ".npy"), outputs[j]);
        }
        CultureInfo c = CultureInfo.InvariantCulture;
        stdout.WriteLine(string.Format(c, "{0} inputs in {1:F3} s on {2} thread{3} ({4}): {5:F1} inputs/s, {6:F1} us per input per thread, {7:F1} us CPU per input",
            samples.Count, result.Seconds, result.Threads, result.Threads == 1 ? "" : "s", kernels, samples.Count / result.Seconds,
            result.Seconds * 1e6 * result.Threads / samples.Count, result.CpuSeconds * 1e6 / samples.Count));
        return ExitCodes.Ok;
    }

    /// <summary>What <see cref="Evaluate"/> returns: every input's outputs (in folder order), the wall time and threads used.</summary>
    /// <summary>
    /// What <see cref="Evaluate"/> returns: every input's outputs (in folder order), the wall time, the threads used and
    /// the process CPU time over the same window (CPU time per input that stays flat as threads are added means the
    /// interpreters do not slow each other down: throughput then grows with the free cores).
    /// </summary>
    public sealed record EvalResult(IReadOnlyList<NpyArray>[] Outputs, double Seconds, int Threads, double CpuSeconds);

    /// <summary>
    /// Runs every sample: <paramref name="threads"/> workers, each with its own interpreter and arena, take the next
    /// sample in turn; each sample starts from a reset interpreter. Timing starts when every worker is ready.
    /// </summary>
    public static EvalResult Evaluate(string modelPath, string kernels, IReadOnlyList<Sample> samples, int threads, Action<int>? progress = null)
    {
        threads = Math.Max(1, Math.Min(threads, samples.Count));
        var inputs = new IReadOnlyList<NpyArray>[samples.Count];
        for (int i = 0; i < samples.Count; i++)
        {
            var arrays = new List<NpyArray>();
            foreach (string file in samples[i].Files) arrays.Add(NpyReader.ReadFile(file));
            inputs[i] = arrays;
        }
        var outputs = new IReadOnlyList<NpyArray>[samples.Count];
        var runners = new ModelRunner[threads];
        try
        {
            for (int t = 0; t < threads; t++) runners[t] = ModelRunner.Open(modelPath, kernels: kernels);
            int next = -1;
            int done = 0;
            Exception? failure = null;
            using var ready = new Barrier(threads + 1);
            var workers = new Thread[threads];
            for (int t = 0; t < threads; t++)
            {
                ModelRunner runner = runners[t];
                workers[t] = new Thread(() =>
                {
                    ready.SignalAndWait();
                    try
                    {
                        for (int i = Interlocked.Increment(ref next); i < samples.Count && Volatile.Read(ref failure) == null; i = Interlocked.Increment(ref next))
                        {
                            runner.Reset();
                            try
                            {
                                runner.SetInputs(inputs[i]);
                                runner.Invoke();
                            }
                            catch (ToolException e)
                            {
                                throw new ToolException(samples[i].Name + ": " + e.Message);
                            }
                            outputs[i] = runner.ReadOutputs();
                            progress?.Invoke(Interlocked.Increment(ref done));
                        }
                    }
                    catch (Exception e)
                    {
                        Interlocked.CompareExchange(ref failure, e, null);
                    }
                }) { IsBackground = true, Name = "tflm eval " + t };
                workers[t].Start();
            }
            TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            ready.SignalAndWait();
            long start = Stopwatch.GetTimestamp();
            foreach (Thread worker in workers) worker.Join();
            double seconds = (Stopwatch.GetTimestamp() - start) / (double)Stopwatch.Frequency;
            double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            if (failure != null) throw failure is ToolException ? failure : new ToolException(failure.Message);
            return new EvalResult(outputs, seconds, threads, cpuSeconds);
        }
        finally
        {
            foreach (ModelRunner? runner in runners) runner?.Dispose();
        }
    }

    /// <summary>
    /// The samples of a folder, sorted by name: NAME_in0.npy ... NAME_inK.npy grouped per NAME (complete groups only);
    /// for a one-input model without such names, every .npy file is one sample.
    /// </summary>
    public static IReadOnlyList<Sample> FindSamples(string directory, int inputCount)
    {
        string[] files = Directory.GetFiles(directory, "*.npy");
        Array.Sort(files, StringComparer.Ordinal);
        var groups = new SortedDictionary<string, SortedDictionary<int, string>>(StringComparer.Ordinal);
        foreach (string file in files)
        {
            Match match = InputFilePattern().Match(Path.GetFileName(file));
            if (!match.Success) continue;
            string name = match.Groups["name"].Value;
            if (!groups.TryGetValue(name, out SortedDictionary<int, string>? group)) groups[name] = group = new SortedDictionary<int, string>();
            group[int.Parse(match.Groups["slot"].Value, CultureInfo.InvariantCulture)] = file;
        }
        var samples = new List<Sample>();
        if (groups.Count > 0)
        {
            foreach (KeyValuePair<string, SortedDictionary<int, string>> group in groups)
            {
                if (group.Value.Count != inputCount) continue;
                bool complete = true;
                var ordered = new List<string>();
                for (int i = 0; i < inputCount; i++)
                {
                    if (!group.Value.TryGetValue(i, out string? file)) { complete = false; break; }
                    ordered.Add(file);
                }
                if (complete) samples.Add(new Sample(group.Key, ordered));
            }
            return samples;
        }
        if (inputCount != 1) return samples;
        foreach (string file in files) samples.Add(new Sample(Path.GetFileNameWithoutExtension(file), [file]));
        return samples;
    }

    /// <summary>"top 3 (0.870) of float32[1,12]" for a classifier-like output, else its first values.</summary>
    private static string Describe(IReadOnlyList<NpyArray> outputs)
    {
        var parts = new List<string>();
        for (int j = 0; j < outputs.Count; j++)
        {
            NpyArray output = outputs[j];
            double[] values = ToDoubles(output);
            string prefix = (outputs.Count > 1 ? "out" + j + " " : "") + output + " ";
            if (values.Length > 1 && values.Length <= 4096 && output.Rank >= 1)
            {
                int best = 0;
                for (int i = 1; i < values.Length; i++) if (values[i] > values[best]) best = i;
                parts.Add(prefix + "top " + best + " (" + values[best].ToString("G6", CultureInfo.InvariantCulture) + ")");
            }
            else
            {
                var shown = new List<string>();
                for (int i = 0; i < Math.Min(4, values.Length); i++) shown.Add(values[i].ToString("G6", CultureInfo.InvariantCulture));
                parts.Add(prefix + "[" + string.Join(", ", shown) + (values.Length > 4 ? ", ..." : "") + "]");
            }
        }
        return string.Join("; ", parts);
    }

    private static double[] ToDoubles(NpyArray array)
    {
        var values = new double[array.ElementCount];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = array.DType switch
            {
                NpyDType.Float32 => array.AsSpan<float>()[i],
                NpyDType.Int8 => array.AsSpan<sbyte>()[i],
                NpyDType.UInt8 => array.AsSpan<byte>()[i],
                NpyDType.Int16 => array.AsSpan<short>()[i],
                NpyDType.Int32 => array.AsSpan<int>()[i],
                NpyDType.Int64 => array.AsSpan<long>()[i],
                NpyDType.Bool => array.Data[i],
                _ => double.NaN,
            };
        }
        return values;
    }

    [GeneratedRegex(@"^(?<name>.+)_in(?<slot>[0-9]+)\.npy$")]
    private static partial Regex InputFilePattern();

    private sealed class ProgressBar
    {
        private const int Width = 30;
        private readonly TextWriter output;
        private readonly int total;
        private int lastFilled = -1;

        public ProgressBar(TextWriter output, int total)
        {
            this.output = output;
            this.total = total;
        }

        public void Report(int done)
        {
            int filled = done * Width / total;
            if (filled == Volatile.Read(ref lastFilled)) return;
            lock (this)
            {
                if (filled <= lastFilled) return;
                lastFilled = filled;
                output.Write("\r[" + new string('#', filled) + new string(' ', Width - filled) + "] " + done + "/" + total);
            }
        }

        public void Finish() => output.Write("\r" + new string(' ', Width + 24) + "\r");
    }
}
