using System;
using System.Collections.Generic;
using System.IO;

namespace TfLiteMicro.Examples.ArenaReport;

/// <summary>
/// How big an arena does a model need? Loads every model of a data folder with the reference kernels, records
/// <c>ArenaUsedBytes</c> and <c>ArenaRequiredBytes</c>, runs the golden cases, and writes the comparison with
/// TFLM's figures as Markdown (the table of docs/models.md, which tools/docs-gen writes with a stamp).
/// Usage: arena-report DATA_DIR [OUTPUT.md]   (DATA_DIR holds models/ and anchors/, e.g. tests/data; default output: stdout)
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length is < 1 or > 2)
        {
            Console.Error.WriteLine("usage: arena-report DATA_DIR [OUTPUT.md]   (e.g. tests/data docs/models.md)");
            return 2;
        }
        string readme = Path.Combine(args[0], "models", "README.md");
        if (!File.Exists(readme))
        {
            Console.Error.WriteLine("no " + readme);
            return 1;
        }
        IReadOnlyList<ModelMeasurement> rows = Measure(args[0], Console.Error);

        if (args.Length == 2)
        {
            using StreamWriter file = new StreamWriter(args[1]);
            file.NewLine = "\n";
            ModelsTable.Write(file, rows);
        }
        else
        {
            ModelsTable.Write(Console.Out, rows);
        }
        return 0;
    }

    /// <summary>Measures every model folder of <paramref name="dataDirectory"/>/models, in name order.</summary>
    public static IReadOnlyList<ModelMeasurement> Measure(string dataDirectory, TextWriter? progress)
    {
        string modelsDir = Path.Combine(dataDirectory, "models");
        var tflm = TflmFigures.ReadModelsTable(Path.Combine(modelsDir, "README.md"));
        var cortexM4 = TflmFigures.ReadCortexM4Arena(Path.Combine(dataDirectory, "anchors", "README.md"));
        string[] folders = Directory.GetDirectories(modelsDir);
        Array.Sort(folders, StringComparer.Ordinal);
        var rows = new List<ModelMeasurement>();
        foreach (string folder in folders)
        {
            string id = Path.GetFileName(folder);
            if (!File.Exists(Path.Combine(folder, "model.tflite"))) continue;
            (string ops, int? bytes) = tflm.TryGetValue(id, out var figure) ? figure : ("", null);
            int? bytes32 = cortexM4.TryGetValue(id, out int m4) ? m4 : null;
            ModelMeasurement row = ModelMeasurer.Measure(folder, id, ops, bytes, bytes32);
            progress?.WriteLine(id + ": " + (row.UsedBytes?.ToString() ?? "-") + " bytes, " + row.Status);
            rows.Add(row);
        }
        return rows;
    }
}
