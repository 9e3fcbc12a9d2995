using System;
using System.Collections.Generic;
using System.Globalization;

namespace TfLiteMicro.Firmware.Tests;

/// <summary>
/// What a model firmware printed (format of ports/baremetal/firmware/platform/ModelRunner.cs): per model, case
/// and output index the element type and the values as text; and the timer ticks of each Invoke.
/// </summary>
public sealed class FirmwareReport
{
    public Dictionary<(string Model, int Case, int Output), (string Type, string[] Values)> Outputs { get; } = new();

    public Dictionary<(string Model, int Case), long> Ticks { get; } = new();

    /// <summary>Double-precision instructions the UsageFault handler emulated during each Invoke.</summary>
    public Dictionary<(string Model, int Case), long> EmulatedInstructions { get; } = new();

    public HashSet<string> CompletedModels { get; } = new(StringComparer.Ordinal);

    /// <summary>A firmware built with -p:FirmwareProfile=true: nodes, ticks and MACs per operator of the profiled Invoke.</summary>
    public Dictionary<(string Model, string Op), (int Nodes, long Ticks, long Macs)> ProfileOps { get; } = new();

    /// <summary>The profiled Invoke's ticks and the sum of its nodes' ticks.</summary>
    public Dictionary<string, (long InvokeTicks, long NodesTicks)> ProfileInvokes { get; } = new(StringComparer.Ordinal);

    public static FirmwareReport Parse(string text)
    {
        FirmwareReport report = new();
        string model = "";
        foreach (string rawLine in text.Split('\n'))
        {
            string line = rawLine.Trim();
            string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length >= 3 && words[0] == "model" && words[2] == "arena_used") model = words[1];
            else if (words.Length == 3 && words[0] == "model" && words[2] == "done") report.CompletedModels.Add(words[1]);
            else if (words.Length >= 6 && words[0] == "case" && words[2] == "output")
            {
                int caseIndex = int.Parse(words[1], CultureInfo.InvariantCulture);
                int output = int.Parse(words[3], CultureInfo.InvariantCulture);
                int count = int.Parse(words[5].TrimEnd(':'), CultureInfo.InvariantCulture);
                string[] values = words[6..];
                if (values.Length != count) throw new FormatException($"expected {count} values: {line}");
                report.Outputs[(model, caseIndex, output)] = (words[4], values);
            }
            else if (words.Length >= 9 && words[0] == "profile" && words[1] == "op")
            {
                report.ProfileOps[(model, words[2])] = (int.Parse(words[4], CultureInfo.InvariantCulture),
                    long.Parse(words[6], CultureInfo.InvariantCulture), long.Parse(words[8], CultureInfo.InvariantCulture));
            }
            else if (words.Length >= 6 && words[0] == "profile" && words[1] == "invoke")
            {
                report.ProfileInvokes[model] = (long.Parse(words[3], CultureInfo.InvariantCulture), long.Parse(words[5], CultureInfo.InvariantCulture));
            }
            else if (words.Length >= 4 && words[0] == "case" && words[2] == "ticks")
            {
                report.Ticks[(model, int.Parse(words[1], CultureInfo.InvariantCulture))] = long.Parse(words[3], CultureInfo.InvariantCulture);
                if (words.Length >= 6 && words[4] == "emulated")
                {
                    report.EmulatedInstructions[(model, int.Parse(words[1], CultureInfo.InvariantCulture))] = long.Parse(words[5], CultureInfo.InvariantCulture);
                }
            }
        }
        return report;
    }
}
