using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace TfLiteMicro.Tools.Inspection;

/// <summary>Human-readable text form of a <see cref="ModelDescription"/>.</summary>
public static class ModelDescriptionPrinter
{
    /// <summary>Per-channel quantization shows this many leading scales and zero points.</summary>
    private const int ChannelValuesShown = 4;

    public static void Print(ModelDescription model, TextWriter output)
    {
        output.WriteLine("model: " + model.Path + " (" + model.SizeBytes + " bytes, schema version " + model.SchemaVersion + ")");
        if (model.Description != null) output.WriteLine("description: " + model.Description);

        foreach (SubgraphDescription subgraph in model.Subgraphs)
        {
            output.WriteLine();
            output.WriteLine("subgraph " + subgraph.Index + (subgraph.Name.Length > 0 ? " \"" + subgraph.Name + "\"" : "") + ": "
                + subgraph.Operators.Count + " operators, " + subgraph.Tensors.Count + " tensors, inputs " + List(subgraph.Inputs)
                + ", outputs " + List(subgraph.Outputs));
            output.WriteLine("  operators (execution order):");
            foreach (OperatorDescription op in subgraph.Operators)
            {
                output.WriteLine("    " + Pad("#" + op.Index, 5) + " " + Pad(op.Op, 28) + " " + Tensors(subgraph, op.Inputs) + " -> "
                    + Tensors(subgraph, op.Outputs) + "  " + (op.Supported ? op.Status : "NOT SUPPORTED: " + op.Status));
            }
            output.WriteLine("  tensors:");
            foreach (TensorDescription tensor in subgraph.Tensors)
            {
                var line = new StringBuilder();
                line.Append("    ").Append(Pad("#" + tensor.Index, 5)).Append(' ').Append(Pad(tensor.Type, 8)).Append(' ')
                    .Append(Pad(List(tensor.Shape), 16));
                if (tensor.IsConstant) line.Append(" constant");
                if (tensor.IsVariable) line.Append(" variable");
                if (tensor.Quantization != null) line.Append(' ').Append(Quantization(tensor.Quantization));
                line.Append("  ").Append(tensor.Name);
                output.WriteLine(line.ToString());
            }
        }

        output.WriteLine();
        output.WriteLine("operators required:");
        foreach (RequiredOperatorDescription op in model.RequiredOperators)
        {
            output.WriteLine("  " + Pad((op.IsCustom ? "custom " : "") + op.Op, 36) + " x" + Pad(op.Uses.ToString(CultureInfo.InvariantCulture), 4) + " " + op.Status);
        }

        output.WriteLine();
        if (model.OperatorCheckError != null) output.WriteLine("operator check incomplete: " + model.OperatorCheckError);
        output.WriteLine(model.UnsupportedOperatorCount == 0 && model.OperatorCheckError == null
            ? "all " + model.OperatorCount + " operator nodes are supported"
            : model.UnsupportedOperatorCount + " of " + model.OperatorCount + " operator nodes are not supported (reasons above)");

        ArenaDescription arena = model.Arena;
        output.WriteLine();
        if (arena.Planned)
        {
            output.WriteLine("arena: " + arena.RequiredBytes + " bytes required (give the interpreter at least this: --arena "
                + arena.RequiredBytes + "); " + arena.UsedBytes + " bytes used after allocation (head " + arena.HeadBytes + ", tail "
                + arena.TailBytes + "), planned in a " + arena.TrialArenaBytes + "-byte trial arena");
        }
        else
        {
            output.WriteLine("arena: not planned (" + arena.ErrorStatus + "): " + arena.Error);
        }
        if (arena.KernelSets != null)
        {
            output.WriteLine("arena per kernel set (--kernels NAME):");
            foreach (KernelSetArenaDescription set in arena.KernelSets)
            {
                output.WriteLine("  " + Pad(set.Kernels, 12) + (set.Planned
                    ? Pad(set.RequiredBytes + " required", 18) + Pad(set.UsedBytes + " used", 14)
                      + (set.WeightsBytes > 0
                          ? "of which " + set.WeightsBytes + " repacked weights; with separate weights memory the arena needs "
                            + set.RequiredWithSeparateWeightsBytes
                          : "")
                    : "not planned: " + set.Error));
            }
        }
    }

    /// <summary>"0:INT8[1,49,40,1], 1:INT32[8]"; "-" for an omitted optional tensor.</summary>
    private static string Tensors(SubgraphDescription subgraph, IReadOnlyList<int> indices)
    {
        var parts = new List<string>();
        foreach (int index in indices)
        {
            if (index < 0 || index >= subgraph.Tensors.Count)
            {
                parts.Add("-");
                continue;
            }
            TensorDescription tensor = subgraph.Tensors[index];
            parts.Add(index.ToString(CultureInfo.InvariantCulture) + ":" + tensor.Type + List(tensor.Shape));
        }
        return string.Join(", ", parts);
    }

    private static string Quantization(QuantizationDescription quantization)
    {
        if (quantization.ChannelCount == 1)
        {
            long zeroPoint = quantization.ZeroPoints.Count > 0 ? quantization.ZeroPoints[0] : 0;
            return "q(scale " + Number(quantization.Scales[0]) + ", zero point " + zeroPoint + ")";
        }
        return "q(per-channel along dim " + quantization.QuantizedDimension + ", " + quantization.ChannelCount + " channels, scales "
            + Leading(quantization.Scales, Number) + ", zero points " + Leading(quantization.ZeroPoints, z => z.ToString(CultureInfo.InvariantCulture)) + ")";
    }

    private static string Leading<T>(IReadOnlyList<T> values, System.Func<T, string> format)
    {
        var parts = new List<string>();
        for (int i = 0; i < values.Count && i < ChannelValuesShown; i++) parts.Add(format(values[i]));
        if (values.Count > ChannelValuesShown) parts.Add("...");
        return "[" + string.Join(", ", parts) + "]";
    }

    private static string Number(float value) => value.ToString("G6", CultureInfo.InvariantCulture);

    private static string List(IReadOnlyList<int> values)
    {
        var parts = new string[values.Count];
        for (int i = 0; i < parts.Length; i++) parts[i] = values[i].ToString(CultureInfo.InvariantCulture);
        return "[" + string.Join(",", parts) + "]";
    }

    private static string Pad(string text, int width) => text.PadRight(width);
}
