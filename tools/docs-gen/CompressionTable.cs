using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using TfLiteMicro.Tools.Compression;

namespace TfLiteMicro.DocsGen;

/// <summary>
/// The "flash saved with --cluster 16" table of docs/compression.md: <c>tflm compress MODEL --cluster 16</c> on
/// each listed model of <c>tests/data/models</c>, file sizes before and after. Clustering is deterministic, so the
/// sizes are too.
/// </summary>
public static class CompressionTable
{
    public const string SectionName = "compression-table";
    public const int Cluster = 16;

    /// <summary>The models the table covers: the int8 networks, one float network, and the smallest model.</summary>
    public static readonly string[] Models =
    {
        "mlperf_ic_float", "mlperf_ad_int8", "mlperf_ic_int8", "person_detect", "mlperf_vww_int8",
        "micro_speech_quantized", "mlperf_kws_int8", "hello_world_int8",
    };

    public static string Generate(string modelsDirectory, string document, string documentPath, string stamp)
    {
        var rows = new List<(string Model, CompressionResult Result)>();
        foreach (string model in Models)
        {
            byte[] bytes = File.ReadAllBytes(Path.Combine(modelsDirectory, model, "model.tflite"));
            rows.Add((model, ModelCompressor.Compress(bytes, new CompressionOptions { Cluster = Cluster })));
        }
        // Largest share saved first.
        rows.Sort((a, b) => Fraction(b.Result).CompareTo(Fraction(a.Result)));

        CultureInfo c = CultureInfo.InvariantCulture;
        var body = new StringBuilder();
        body.Append(stamp).Append("\n\n");
        body.Append("| model | original | compressed | saved |\n");
        body.Append("|---|---:|---:|---:|\n");
        foreach ((string model, CompressionResult result) in rows)
        {
            string saved;
            if (result.SavedBytes >= 0)
            {
                saved = result.SavedBytes.ToString("N0", c) + " (" + (100.0 * Fraction(result)).ToString("F1", c) + "%)";
            }
            else
            {
                int tensors = 0;
                foreach (CompressedTensorReport tensor in result.Tensors) if (tensor.Compressed) tensors++;
                saved = "\u2212" + (-result.SavedBytes).ToString("N0", c) + " (metadata costs more than " + tensors
                    + " small tensor" + (tensors == 1 ? "" : "s") + " save)";
            }
            body.Append("| ").Append(model).Append(" | ").Append(result.OriginalFileBytes.ToString("N0", c)).Append(" | ")
                .Append(result.CompressedFileBytes.ToString("N0", c)).Append(" | ").Append(saved).Append(" |\n");
        }
        return GeneratedSection.Replace(document, SectionName, documentPath, body.ToString());
    }

    private static double Fraction(CompressionResult result) => (double)result.SavedBytes / result.OriginalFileBytes;
}
