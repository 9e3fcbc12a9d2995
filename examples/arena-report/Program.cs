using System;
using System.Collections.Generic;
using System.IO;

namespace TfLiteMicro.Examples.ArenaReport;

/// <summary>
/// How big an arena does a model need? Loads every model of the shared folder with the reference kernels, records
/// <c>ArenaUsedBytes</c> and <c>ArenaRequiredBytes</c>, runs the golden cases, and writes the comparison with
/// TFLM's figures as Markdown (docs/models.md).
/// Usage: arena-report SHARED_DIR [OUTPUT.md]   (SHARED_DIR holds models/ and anchors/; default output: stdout)
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length is < 1 or > 2)
        {
            Console.Error.WriteLine("usage: arena-report SHARED_DIR [OUTPUT.md]");
            return 2;
        }
        string modelsDir = Path.Combine(args[0], "models");
        string readme = Path.Combine(modelsDir, "README.md");
        if (!File.Exists(readme))
        {
            Console.Error.WriteLine("no " + readme);
            return 1;
        }
        var tflm = TflmFigures.ReadModelsTable(readme);
        var cortexM4 = TflmFigures.ReadCortexM4Arena(Path.Combine(args[0], "anchors", "README.md"));

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
            Console.Error.WriteLine(id + ": " + (row.UsedBytes?.ToString() ?? "-") + " bytes, " + row.Status);
            rows.Add(row);
        }

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
}
