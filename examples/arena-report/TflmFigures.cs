using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace TfLiteMicro.Examples.ArenaReport;

/// <summary>
/// TFLM's arena figures as the shared folder records them: the "TFLM arena bytes" column of
/// tests/data/models/README.md (64-bit host) and the 32-bit Cortex-M4 column of tests/data/anchors/README.md.
/// </summary>
public static class TflmFigures
{
    /// <summary>id → (ops, arena bytes or null) from the models README's table.</summary>
    public static Dictionary<string, (string Ops, int? ArenaBytes)> ReadModelsTable(string readmePath)
    {
        var figures = new Dictionary<string, (string, int?)>(StringComparer.Ordinal);
        int opsColumn = -1, arenaColumn = -1;
        foreach (string line in File.ReadLines(readmePath))
        {
            string[] cells = Cells(line);
            if (cells.Length == 0) continue;
            if (cells[0] == "id")
            {
                opsColumn = Array.IndexOf(cells, "ops");
                arenaColumn = Array.IndexOf(cells, "TFLM arena bytes");
                continue;
            }
            if (opsColumn < 0 || arenaColumn < 0 || cells.Length <= Math.Max(opsColumn, arenaColumn)) continue;
            figures[cells[0]] = (cells[opsColumn], ParseBytes(cells[arenaColumn]));
        }
        return figures;
    }

    /// <summary>
    /// model id → the reference-kernel figure of the "arena bytes (32-bit) ref / cmsis" column of the anchors'
    /// Cortex-M4 table.
    /// </summary>
    public static Dictionary<string, int> ReadCortexM4Arena(string anchorsPath)
    {
        var figures = new Dictionary<string, int>(StringComparer.Ordinal);
        if (!File.Exists(anchorsPath)) return figures;
        int arenaColumn = -1;
        foreach (string line in File.ReadLines(anchorsPath))
        {
            if (line.Trim().Length == 0) { arenaColumn = -1; continue; }   // a table ends at a blank line
            string[] cells = Cells(line);
            if (cells.Length == 0) continue;
            if (cells[0] == "model")
            {
                arenaColumn = Array.FindIndex(cells, cell => cell.StartsWith("arena bytes (32-bit)", StringComparison.Ordinal));
                continue;
            }
            if (arenaColumn < 0 || cells.Length <= arenaColumn) continue;
            string reference = cells[arenaColumn].Split('/')[0];
            int? bytes = ParseBytes(reference);
            if (bytes.HasValue) figures[cells[0]] = bytes.Value;
        }
        return figures;
    }

    private static string[] Cells(string line)
    {
        string trimmed = line.Trim();
        if (!trimmed.StartsWith('|') || trimmed.StartsWith("|---", StringComparison.Ordinal)) return [];
        string[] cells = trimmed.Trim('|').Split('|');
        for (int i = 0; i < cells.Length; i++) cells[i] = cells[i].Trim();
        return cells;
    }

    private static int? ParseBytes(string text)
    {
        string digits = text.Replace(",", "", StringComparison.Ordinal).Trim();
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int bytes) ? bytes : null;
    }
}
