using System;
using System.Collections.Generic;
using System.IO;

namespace TfLiteMicro.FirmwareBuilder;

/// <summary>
/// What Firmware.proj asks for, as a text file of <c>key=value</c> lines (keys may repeat): board, example,
/// where the compiled assemblies are, which of them to compile as roots, the files to embed
/// (<c>file=NAME|PATH</c>), extra C sources, the arena size, ilc's path, and the intermediate and output folders.
/// </summary>
public sealed class BuildPlan
{
    private readonly Dictionary<string, List<string>> values = new(StringComparer.Ordinal);

    public static BuildPlan Load(string path)
    {
        BuildPlan plan = new();
        foreach (string line in File.ReadAllLines(path))
        {
            int equals = line.IndexOf('=');
            if (line.Length == 0 || equals <= 0) continue;
            string key = line.Substring(0, equals).Trim();
            if (!plan.values.TryGetValue(key, out List<string>? list)) plan.values[key] = list = new List<string>();
            list.Add(line.Substring(equals + 1).Trim());
        }
        return plan;
    }

    public string Single(string key) =>
        values.TryGetValue(key, out List<string>? list) && list.Count > 0 && list[0].Length > 0
            ? list[0]
            : throw new BuildException($"build plan has no '{key}'");

    public string? Optional(string key) =>
        values.TryGetValue(key, out List<string>? list) && list.Count > 0 && list[0].Length > 0 ? list[0] : null;

    public IReadOnlyList<string> All(string key) =>
        values.TryGetValue(key, out List<string>? list) ? list.FindAll(v => v.Length > 0) : new List<string>();
}
