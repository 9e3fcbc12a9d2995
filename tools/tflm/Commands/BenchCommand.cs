using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using TfLiteMicro.Tools.Benchmarking;
using TfLiteMicro.Tools.CommandLine;
using TfLiteMicro.Npy;
using TfLiteMicro.Tools.Models;

namespace TfLiteMicro.Tools.Commands;

/// <summary><c>tflm bench MODEL [--input IN.npy ...] [--kernels NAME] [--warmup SECONDS] [--iterations N] [--json]</c>.</summary>
public static class BenchCommand
{
    private static readonly string[] Flags = ["--json"];
    private static readonly string[] Options = ["--kernels", "--iterations", "--warmup", "--input"];

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        CommandLineArguments arguments = CommandLineArguments.Parse(args, Flags, Options);
        if (arguments.HelpRequested)
        {
            stdout.Write(HelpText.Bench);
            return ExitCodes.Ok;
        }
        if (arguments.Positionals.Count != 1)
            throw new UsageException(arguments.Positionals.Count == 0 ? "missing MODEL" : "expected one MODEL, got " + arguments.Positionals.Count + " positional arguments");
        string kernels = KernelSetOption.Parse(arguments.GetSingle("--kernels")).Name; // validated before the model is loaded
        string? iterationsText = arguments.GetSingle("--iterations");
        int? iterations = iterationsText == null ? null : ParseCount(iterationsText, "--iterations", minimum: 1);
        double warmup = ParseSeconds(arguments.GetSingle("--warmup"), "--warmup", 0.5);
        var inputs = new List<NpyArray>();
        foreach (string path in arguments.GetAll("--input")) inputs.Add(NpyReader.ReadFile(path));
        bool json = arguments.HasFlag("--json");

        var options = new BenchmarkOptions { Kernels = kernels, Inputs = inputs, WarmupSeconds = warmup, Iterations = iterations };
        ProgressBar? bar = !json && ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected ? new ProgressBar(stderr) : null;
        BenchmarkResult result = ModelBenchmark.Run(arguments.Positionals[0], options, bar == null ? null : bar.Report);
        bar?.Finish();

        stdout.Write(json ? ToJson(result) : ToText(result));
        return ExitCodes.Ok;
    }

    private static int ParseCount(string text, string option, int minimum)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < minimum)
            throw new UsageException(option + " needs a whole number >= " + minimum + ", got '" + text + "'");
        return value;
    }

    private static double ParseSeconds(string? text, string option, double fallback)
    {
        if (text == null) return fallback;
        if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double seconds) || seconds < 0 || seconds > 3600)
            throw new UsageException(option + " needs seconds between 0 and 3600, got '" + text + "'");
        return seconds;
    }

    public static string ToText(BenchmarkResult result)
    {
        StringBuilder text = new StringBuilder();
        CultureInfo c = CultureInfo.InvariantCulture;
        text.AppendLine("model:      " + result.Model);
        text.AppendLine("kernels:    " + result.Kernels);
        text.AppendLine(string.Format(c, "inputs:     {0}", result.InputsFromFiles ? "from --input" : "pseudo-random (fixed seed)"));
        text.AppendLine(string.Format(c, "iterations: {0} timed, each alone, no profiler (after {1:F2} s of warm-up: {2} invocations)",
            result.Iterations, result.WarmupSeconds, result.WarmupInvokes));
        text.AppendLine("median:     " + Micros(result.MedianMicroseconds) + " us per Invoke");
        text.AppendLine("min:        " + Micros(result.MinMicroseconds) + " us");
        text.AppendLine("mean:       " + Micros(result.MeanMicroseconds) + " us");
        text.AppendLine(string.Format(c, "arena:      {0} bytes", result.ArenaBytes));
        text.AppendLine("per operator (a separate profiled run, per Invoke):");
        foreach (OperatorTiming op in result.Operators)
        {
            text.AppendLine(string.Format(c, "  {0,-28} x{1,-3} {2,10:F1} us  {3,5:P1}", op.Name, op.Nodes, op.MicrosecondsPerInvoke, op.Share));
        }
        return text.ToString();
    }

    /// <summary>Three significant digits at least: 0.512, 12.3, 3301.5.</summary>
    private static string Micros(double us) => us.ToString(us < 10 ? "F3" : "F1", CultureInfo.InvariantCulture);

    public static string ToJson(BenchmarkResult result)
    {
        using MemoryStream stream = new MemoryStream();
        using (Utf8JsonWriter writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("model", result.Model);
            writer.WriteString("kernels", result.Kernels);
            writer.WriteNumber("iterations", result.Iterations);
            writer.WriteNumber("warmup_seconds", Math.Round(result.WarmupSeconds, 3));
            writer.WriteNumber("warmup_invokes", result.WarmupInvokes);
            writer.WriteBoolean("inputs_from_files", result.InputsFromFiles);
            writer.WriteNumber("median_us", Math.Round(result.MedianMicroseconds, 3));
            writer.WriteNumber("min_us", Math.Round(result.MinMicroseconds, 3));
            writer.WriteNumber("mean_us", Math.Round(result.MeanMicroseconds, 3));
            writer.WriteNumber("arena_bytes", result.ArenaBytes);
            writer.WriteStartArray("operators");
            foreach (OperatorTiming op in result.Operators)
            {
                writer.WriteStartObject();
                writer.WriteString("name", op.Name);
                writer.WriteNumber("nodes", op.Nodes);
                writer.WriteNumber("us_per_invoke", Math.Round(op.MicrosecondsPerInvoke, 3));
                writer.WriteNumber("share", Math.Round(op.Share, 4));
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + Environment.NewLine;
    }

    /// <summary>A one-line progress bar on the terminal (only when stderr is a terminal): phase and percentage.</summary>
    private sealed class ProgressBar
    {
        private const int Width = 30;
        private readonly TextWriter output;
        private string lastLine = "";

        public ProgressBar(TextWriter output)
        {
            this.output = output;
        }

        public void Report(string phase, double fraction)
        {
            int filled = (int)(Math.Clamp(fraction, 0, 1) * Width);
            string line = "\r[" + new string('#', filled) + new string(' ', Width - filled) + "] " + phase.PadRight(10) + ((int)(fraction * 100)).ToString(CultureInfo.InvariantCulture).PadLeft(3) + "%";
            if (line == lastLine) return;
            lastLine = line;
            output.Write(line);
        }

        public void Finish() => output.Write("\r" + new string(' ', Width + 20) + "\r");
    }
}
