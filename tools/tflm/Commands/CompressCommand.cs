using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using TfLiteMicro.Tools.CommandLine;
using TfLiteMicro.Tools.Compression;

namespace TfLiteMicro.Tools.Commands;

/// <summary><c>tflm compress MODEL -o OUT [--cluster N] [--tensors S:T,...] [--write-uncompressed PATH] [--json]</c>.</summary>
public static class CompressCommand
{
    private static readonly string[] Flags = ["--json"];
    private static readonly string[] Options = ["-o", "--output", "--cluster", "--tensors", "--write-uncompressed"];

    public static int Run(IReadOnlyList<string> args, TextWriter stdout)
    {
        CommandLineArguments arguments = CommandLineArguments.Parse(args, Flags, Options);
        if (arguments.HelpRequested)
        {
            stdout.Write(HelpText.Compress);
            return ExitCodes.Ok;
        }
        if (arguments.Positionals.Count != 1)
            throw new UsageException(arguments.Positionals.Count == 0 ? "missing MODEL" : "expected one MODEL, got " + arguments.Positionals.Count + " positional arguments");
        string? output = arguments.GetSingle("-o") ?? arguments.GetSingle("--output");
        if (output == null) throw new UsageException("missing -o OUT (where to write the compressed model)");
        var options = new CompressionOptions
        {
            Cluster = ParseCluster(arguments.GetSingle("--cluster")),
            Tensors = ParseTensors(arguments.GetSingle("--tensors")),
        };

        string modelPath = arguments.Positionals[0];
        byte[] model;
        try
        {
            model = File.ReadAllBytes(modelPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ToolException("cannot read model '" + modelPath + "': " + e.Message);
        }
        CompressionResult result = ModelCompressor.Compress(model, options);
        File.WriteAllBytes(output, result.CompressedModel);
        string? uncompressed = arguments.GetSingle("--write-uncompressed");
        if (uncompressed != null) File.WriteAllBytes(uncompressed, result.UncompressedModel);
        stdout.Write(arguments.HasFlag("--json") ? ToJson(modelPath, output, result) : ToText(modelPath, output, result));
        return ExitCodes.Ok;
    }

    private static int ParseCluster(string? text)
    {
        if (text == null) return 0;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < 2 || value > 128)
            throw new UsageException("--cluster needs a whole number from 2 to 128, got '" + text + "'");
        return value;
    }

    /// <summary>"S:T,S:T,..." (subgraph:tensor) or "T,..." (subgraph 0).</summary>
    private static IReadOnlySet<(int, int)>? ParseTensors(string? text)
    {
        if (text == null) return null;
        var set = new HashSet<(int, int)>();
        foreach (string item in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string[] parts = item.Split(':');
            if (parts.Length > 2 || !TryIndex(parts[^1], out int tensor) || (parts.Length == 2 && !TryIndex(parts[0], out _)))
                throw new UsageException("--tensors takes TENSOR or SUBGRAPH:TENSOR indices separated by commas, got '" + item + "'");
            int subgraph = parts.Length == 2 ? int.Parse(parts[0], CultureInfo.InvariantCulture) : 0;
            set.Add((subgraph, tensor));
        }
        if (set.Count == 0) throw new UsageException("--tensors is empty");
        return set;
    }

    private static bool TryIndex(string text, out int value) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    public static string ToText(string modelPath, string outputPath, CompressionResult result)
    {
        var text = new StringBuilder();
        CultureInfo c = CultureInfo.InvariantCulture;
        int compressed = 0;
        foreach (CompressedTensorReport tensor in result.Tensors)
        {
            string where = "subgraph " + tensor.Subgraph + " tensor " + tensor.Tensor + " " + tensor.Type + " [" + string.Join(",", tensor.Shape) + "] " + tensor.Name;
            if (!tensor.Compressed)
            {
                text.AppendLine("  kept       " + where + ": " + tensor.SkippedReason);
                continue;
            }
            compressed++;
            text.AppendLine(string.Format(c, "  compressed {0}: {1} table{2} of {3} values{4}, {5}-bit indices{6}, {7} -> {8} bytes",
                where, tensor.Channels, tensor.Channels == 1 ? "" : "s" + (tensor.ChannelIsLastAxis ? " (last axis)" : " (first axis)"),
                tensor.ValuesPerChannel, "", tensor.BitWidth, tensor.Clustered ? ", clustered" : "", tensor.OriginalBytes, tensor.CompressedBytes));
        }
        text.AppendLine(string.Format(c, "{0}: {1} tensor{2} compressed; file {3} -> {4} bytes, {5} bytes ({6:F1}%) of flash saved -> {7}",
            modelPath, compressed, compressed == 1 ? "" : "s", result.OriginalFileBytes, result.CompressedFileBytes, result.SavedBytes,
            100.0 * result.SavedBytes / result.OriginalFileBytes, outputPath));
        if (result.SavedBytes < 0)
            text.AppendLine("note: the compressed file is larger: for a model this small the metadata and value tables cost more than the packed indices save");
        return text.ToString();
    }

    public static string ToJson(string modelPath, string outputPath, CompressionResult result)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("model", modelPath);
            writer.WriteString("output", outputPath);
            writer.WriteNumber("original_bytes", result.OriginalFileBytes);
            writer.WriteNumber("compressed_bytes", result.CompressedFileBytes);
            writer.WriteNumber("saved_bytes", result.SavedBytes);
            writer.WriteStartArray("tensors");
            foreach (CompressedTensorReport tensor in result.Tensors)
            {
                writer.WriteStartObject();
                writer.WriteNumber("subgraph", tensor.Subgraph);
                writer.WriteNumber("tensor", tensor.Tensor);
                writer.WriteString("name", tensor.Name);
                writer.WriteString("type", tensor.Type);
                writer.WriteBoolean("compressed", tensor.Compressed);
                if (tensor.Compressed)
                {
                    writer.WriteNumber("channels", tensor.Channels);
                    writer.WriteBoolean("channel_is_last_axis", tensor.ChannelIsLastAxis);
                    writer.WriteNumber("values_per_channel", tensor.ValuesPerChannel);
                    writer.WriteNumber("bit_width", tensor.BitWidth);
                    writer.WriteBoolean("clustered", tensor.Clustered);
                    writer.WriteNumber("original_bytes", tensor.OriginalBytes);
                    writer.WriteNumber("compressed_bytes", tensor.CompressedBytes);
                }
                else
                {
                    writer.WriteString("reason", tensor.SkippedReason);
                }
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + Environment.NewLine;
    }
}
