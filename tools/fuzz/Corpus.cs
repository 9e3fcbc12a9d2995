using System;
using System.IO;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace TfLiteMicro.Fuzz;

/// <summary>
/// The regression corpus: minimized findings kept as small .tflite files (tests/fuzz-corpus), named after what
/// they showed and their content hash so the same input is never stored twice.
/// </summary>
public static class Corpus
{
    /// <summary>"crash-GreedyMemoryPlanner.AddBuffer-1a2b3c4d.tflite".</summary>
    public static string FileName(Finding finding, byte[] bytes)
    {
        string site = finding.Detail;
        int at = site.LastIndexOf(" at ", StringComparison.Ordinal);
        if (at >= 0) site = site.Substring(at + 4);
        string[] parts = site.Split('.');
        site = parts.Length >= 2 ? parts[^2] + "." + parts[^1] : site;
        site = Regex.Replace(site, "[^A-Za-z0-9_.]+", "_").Trim('_');
        if (site.Length == 0) site = "model";
        if (site.Length > 60) site = site.Substring(0, 60);
        string hash = Convert.ToHexString(SHA256.HashData(bytes)).Substring(0, 8).ToLowerInvariant();
        string outcome = finding.Outcome switch
        {
            Outcome.EscapedException => "exception",
            Outcome.Allocation => "allocation",
            _ => finding.Outcome.ToString().ToLowerInvariant(),
        };
        return outcome + "-" + site + "-" + hash + ".tflite";
    }
}
