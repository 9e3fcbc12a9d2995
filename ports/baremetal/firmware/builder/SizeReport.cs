using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace TfLiteMicro.FirmwareBuilder;

/// <summary>
/// <c>report BOARD IMAGES_DIR DOC.md</c>: rewrites the size table of one board in docs/boards.md (between
/// <c>&lt;!-- sizes:BOARD --&gt;</c> and <c>&lt;!-- /sizes:BOARD --&gt;</c>) from the images' <c>.size.json</c> (written
/// by the firmware build) and what each image printed when run (<c>.run.txt</c>: arena used, heap used, stack peak).
/// <c>dotnet cake --board=BOARD --target=SizeReport</c> builds, runs and calls this.
/// </summary>
public static class SizeReport
{
    /// <summary>
    /// TFLM's flash outside the embedded model for the same model (reference kernels; ../shared/anchors/README.md
    /// section 2: text minus model, arm-none-eabi-gcc 12.2, core -Os, kernels -O2, newlib + libgcc included).
    /// </summary>
    private static readonly Dictionary<string, long> TflmFlashOutsideModel = new(StringComparer.Ordinal)
    {
        ["mlperf-kws-int8"] = 63784,
        ["mlperf-vww-int8"] = 67168,
        ["mlperf-ad-int8"] = 39532,
    };

    public static void Write(string board, string imagesDirectory, string documentPath)
    {
        StringBuilder table = new();
        table.AppendLine("| example | flash outside model (TFLM) | core | verifier | kernels | runtime | libc | application | message text | model + inputs | static RAM | heap used | stack peak / reserved | arena used / reserved |");
        table.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (string json in Directory.GetFiles(imagesDirectory, "*.size.json").Order(StringComparer.Ordinal))
        {
            string example = Path.GetFileName(json)[..^".size.json".Length];
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(json));
            JsonElement size = document.RootElement;
            JsonElement flash = size.GetProperty("flash");
            string run = Path.Combine(imagesDirectory, example + ".run.txt");
            string output = File.Exists(run) ? File.ReadAllText(run) : "";
            long outside = size.GetProperty("flash_outside_model_bytes").GetInt64();
            string tflm = TflmFlashOutsideModel.TryGetValue(example, out long reference)
                ? $"{N(outside)} ({N(reference)}: {(double)outside / reference:0.00}x)" : N(outside);
            table.Append("| ").Append(example).Append(" | ").Append(tflm);
            foreach (string component in new[] { "core", "verifier", "kernels", "runtime", "libc", "application" })
            {
                table.Append(" | ").Append(N(flash.GetProperty(component).GetInt64()));
            }
            table.Append(" | ").Append(N(size.GetProperty("message_text_bytes").GetInt64()));
            table.Append(" | ").Append(N(flash.GetProperty("model").GetInt64()));
            table.Append(" | ").Append(N(size.GetProperty("static_ram_bytes").GetInt64()));
            table.Append(" | ").Append(Last(output, @"^heap_used (\d+)"));
            table.Append(" | ").Append(Last(output, @"^stack_peak (\d+) of \d+")).Append(" / ").Append(N(size.GetProperty("stack_bytes").GetInt64()));
            string arenaUsed = string.Join(", ", Regex.Matches(output, @"^model \S+ arena_used (\d+)", RegexOptions.Multiline).Select(m => N(long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))));
            table.Append(" | ").Append(arenaUsed.Length == 0 ? "-" : arenaUsed).Append(" / ").Append(N(size.GetProperty("arena_bytes").GetInt64()));
            table.AppendLine(" |");
        }

        string begin = $"<!-- sizes:{board} -->";
        string end = $"<!-- /sizes:{board} -->";
        string text = File.ReadAllText(documentPath);
        int start = text.IndexOf(begin, StringComparison.Ordinal);
        int stop = text.IndexOf(end, StringComparison.Ordinal);
        if (start < 0 || stop < start) throw new BuildException($"{documentPath} has no {begin} ... {end} block for the table");
        string generated = begin + "\n" + table + end;
        File.WriteAllText(documentPath, text[..start] + generated + text[(stop + end.Length)..]);
        Console.WriteLine($"{documentPath}: size table of {board} rewritten from {imagesDirectory}");
    }

    private static string Last(string output, string pattern)
    {
        MatchCollection matches = Regex.Matches(output, pattern, RegexOptions.Multiline);
        return matches.Count == 0 ? "-" : N(long.Parse(matches[^1].Groups[1].Value, CultureInfo.InvariantCulture));
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
