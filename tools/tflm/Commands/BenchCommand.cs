using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using TfLiteMicro.Tools.Benchmarking;
using TfLiteMicro.Tools.CommandLine;
using TfLiteMicro.Tools.Models;

namespace TfLiteMicro.Tools.Commands;

/// <summary><c>tflm bench MODEL [--kernels NAME] [--iterations N] [--warmup N] [--json]</c>.</summary>
public static class BenchCommand
{
    private static readonly string[] Flags = ["--json"];
    private static readonly string[] Options = ["--kernels", "--iterations", "--warmup"];

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
        int iterations = ParseCount(arguments.GetSingle("--iterations"), "--iterations", 100, minimum: 1);
        int warmup = ParseCount(arguments.GetSingle("--warmup"), "--warmup", 10, minimum: 0);
        bool json = arguments.HasFlag("--json");

        ProgressBar? bar = !json && ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected && iterations >= 20
            ? new ProgressBar(stderr, iterations)
            : null;
        BenchmarkResult result = ModelBenchmark.Run(arguments.Positionals[0], kernels, iterations, warmup, bar == null ? null : bar.Report);
        bar?.Finish();

        stdout.Write(json ? ToJson(result) : ToText(result));
        return ExitCodes.Ok;
    }

    private static int ParseCount(string? text, string option, int fallback, int minimum)
    {
        if (text == null) return fallback;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < minimum)
            throw new UsageException(option + " needs a whole number >= " + minimum + ", got '" + text + "'");
        return value;
    }

    public static string ToText(BenchmarkResult result)
    {
        StringBuilder text = new StringBuilder();
        CultureInfo c = CultureInfo.InvariantCulture;
        text.AppendLine("model:      " + result.Model);
        text.AppendLine("kernels:    " + result.Kernels);
        text.AppendLine(string.Format(c, "iterations: {0} (after {1} warm-up)", result.Iterations, result.Warmup));
        text.AppendLine(string.Format(c, "median:     {0:F1} us per Invoke", result.MedianMicroseconds));
        text.AppendLine(string.Format(c, "min:        {0:F1} us", result.MinMicroseconds));
        text.AppendLine(string.Format(c, "mean:       {0:F1} us", result.MeanMicroseconds));
        text.AppendLine(string.Format(c, "arena:      {0} bytes", result.ArenaBytes));
        text.AppendLine("per operator (profiler, per Invoke):");
        foreach (OperatorTiming op in result.Operators)
        {
            text.AppendLine(string.Format(c, "  {0,-28} x{1,-3} {2,10:F1} us  {3,5:P1}", op.Name, op.Nodes, op.MicrosecondsPerInvoke, op.Share));
        }
        return text.ToString();
    }

    public static string ToJson(BenchmarkResult result)
    {
        using MemoryStream stream = new MemoryStream();
        using (Utf8JsonWriter writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("model", result.Model);
            writer.WriteString("kernels", result.Kernels);
            writer.WriteNumber("iterations", result.Iterations);
            writer.WriteNumber("warmup", result.Warmup);
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

    /// <summary>A one-line progress bar on the terminal (only when stderr is a terminal).</summary>
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
            if (filled == lastFilled) return;
            lastFilled = filled;
            output.Write("\r[" + new string('#', filled) + new string(' ', Width - filled) + "] " + done + "/" + total);
        }

        public void Finish() => output.Write("\r" + new string(' ', Width + 24) + "\r");
    }
}
