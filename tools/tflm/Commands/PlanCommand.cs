using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using TfLiteMicro.Tools.CommandLine;
using TfLiteMicro.Tools.Models;
using TfLiteMicro.Tools.Planning;

namespace TfLiteMicro.Tools.Commands;

/// <summary><c>tflm plan MODEL [--kernels NAME] [--svg OUT.svg] [--json]</c>.</summary>
public static class PlanCommand
{
    private static readonly string[] Flags = ["--json"];
    private static readonly string[] Options = ["--kernels", "--svg"];

    public static int Run(IReadOnlyList<string> args, TextWriter stdout)
    {
        CommandLineArguments arguments = CommandLineArguments.Parse(args, Flags, Options);
        if (arguments.HelpRequested)
        {
            stdout.Write(HelpText.Plan);
            return ExitCodes.Ok;
        }
        if (arguments.Positionals.Count != 1)
            throw new UsageException(arguments.Positionals.Count == 0 ? "missing MODEL" : "expected one MODEL, got " + arguments.Positionals.Count + " positional arguments");
        string kernels = KernelSetOption.Parse(arguments.GetSingle("--kernels")).Name;
        MemoryPlan plan = MemoryPlan.Create(arguments.Positionals[0], kernels);

        string? svgPath = arguments.GetSingle("--svg");
        if (svgPath != null)
        {
            string? directory = Path.GetDirectoryName(Path.GetFullPath(svgPath));
            if (directory != null) Directory.CreateDirectory(directory);
            File.WriteAllText(svgPath, MemoryPlanSvg.Write(plan));
        }
        stdout.Write(arguments.HasFlag("--json") ? ToJson(plan) : ToText(plan, svgPath));
        return ExitCodes.Ok;
    }

    public static string ToText(MemoryPlan plan, string? svgPath)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine("model:    " + plan.Model);
        text.AppendLine("kernels:  " + plan.Kernels);
        text.AppendLine("arena:    " + plan.RequiredBytes.ToString("N0", c) + " bytes required, " + plan.UsedBytes.ToString("N0", c)
            + " used = head " + plan.HeadBytes.ToString("N0", c) + " (planned tensors and scratch buffers) + tail "
            + plan.TailBytes.ToString("N0", c) + " (persistent: op data, variable tensors, repacked weights)");
        if (plan.WeightsBytes > 0)
            text.AppendLine("weights:  " + plan.WeightsBytes.ToString("N0", c) + " bytes of the tail are the kernels' repacked weights"
                + " (InterpreterOptions.WeightsMemory moves them out of the arena)");
        text.AppendLine("steps:    " + plan.StepCount + " (0: subgraph inputs; then one per operator node)");
        text.AppendLine();
        text.AppendLine(string.Format(c, "{0,10} {1,10} {2,6} {3,6}  {4}", "offset", "bytes", "first", "last", "tensor"));
        foreach (PlannedTensor tensor in plan.Tensors)
        {
            text.AppendLine(string.Format(c, "{0,10:N0} {1,10:N0} {2,6} {3,6}  {4}{5}:{6}[{7}] {8}", tensor.Offset, tensor.Bytes,
                tensor.FirstStep, tensor.LastStep, tensor.Subgraph == 0 ? "" : "s" + tensor.Subgraph + ":", tensor.Index, tensor.Type,
                string.Join(",", tensor.Shape), tensor.Name));
        }
        text.AppendLine();
        text.AppendLine("steps:");
        foreach (PlanStep step in plan.Steps)
        {
            text.AppendLine(string.Format(c, "  {0,4}  {1}op {2} {3}", step.Step, step.Subgraph == 0 ? "" : "subgraph " + step.Subgraph + " ", step.Operator, step.Op));
        }
        if (svgPath != null) text.AppendLine("svg: " + svgPath);
        return text.ToString();
    }

    public static string ToJson(MemoryPlan plan)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("model", plan.Model);
            writer.WriteString("kernels", plan.Kernels);
            writer.WriteNumber("arena_required_bytes", plan.RequiredBytes);
            writer.WriteNumber("arena_used_bytes", plan.UsedBytes);
            writer.WriteNumber("head_bytes", plan.HeadBytes);
            writer.WriteNumber("tail_bytes", plan.TailBytes);
            writer.WriteNumber("weights_bytes", plan.WeightsBytes);
            writer.WriteStartArray("steps");
            foreach (PlanStep step in plan.Steps)
            {
                writer.WriteStartObject();
                writer.WriteNumber("step", step.Step);
                writer.WriteNumber("subgraph", step.Subgraph);
                writer.WriteNumber("operator", step.Operator);
                writer.WriteString("op", step.Op);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteStartArray("tensors");
            foreach (PlannedTensor tensor in plan.Tensors)
            {
                writer.WriteStartObject();
                writer.WriteNumber("subgraph", tensor.Subgraph);
                writer.WriteNumber("index", tensor.Index);
                writer.WriteString("name", tensor.Name);
                writer.WriteString("type", tensor.Type);
                writer.WriteStartArray("shape");
                foreach (int d in tensor.Shape) writer.WriteNumberValue(d);
                writer.WriteEndArray();
                writer.WriteNumber("offset", tensor.Offset);
                writer.WriteNumber("bytes", tensor.Bytes);
                writer.WriteNumber("first_step", tensor.FirstStep);
                writer.WriteNumber("last_step", tensor.LastStep);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
