using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace TfLiteMicro.Fuzz;

/// <summary>All mutants with one signature (outcome + site, numbers blanked): one bug, however many inputs show it.</summary>
public sealed class Finding
{
    public const int KeptIndices = 5;

    public Finding(Outcome outcome, string kernelSet, string detail)
    {
        Outcome = outcome;
        KernelSet = kernelSet;
        Detail = detail;
    }

    public Outcome Outcome { get; }
    public string KernelSet { get; }
    public string Detail { get; }
    public long Count { get; set; }
    public List<long> Indices { get; } = new List<long>();

    public static string Key(Outcome outcome, string detail) => outcome + " " + Regex.Replace(detail, "[0-9]+", "#");
}
