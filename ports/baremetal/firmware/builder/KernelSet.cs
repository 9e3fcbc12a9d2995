using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace TfLiteMicro.FirmwareBuilder;

/// <summary>
/// One entry of ports/kernel-sets/firmware.json: a set of kernels a firmware image can link (the reference kernels, or a port
/// over them), what the board's core must offer to run it, and what the build adds for it (the port's device
/// project, the symbol that selects it, its native sources).
/// </summary>
public sealed class KernelSet
{
    public const string Reference = "reference";

    private KernelSet(string name, string description, IReadOnlyList<string> requires, string? deviceProject, string? define, string? nativeDirectory)
    {
        Name = name;
        Description = description;
        Requires = requires;
        DeviceProject = deviceProject;
        Define = define;
        NativeDirectory = nativeDirectory;
    }

    public string Name { get; }

    public string Description { get; }

    /// <summary>Board extensions (the board file's <c>extensions</c>) the kernels need, e.g. <c>dsp</c>.</summary>
    public IReadOnlyList<string> Requires { get; }

    /// <summary>The port compiled for the device (absolute path), or null for the reference kernels.</summary>
    public string? DeviceProject { get; }

    /// <summary>The preprocessor symbol that selects the port in firmware/examples/FirmwareKernels.cs.</summary>
    public string? Define { get; }

    /// <summary>The folder of C sources compiled for the board's CPU (absolute path), or null.</summary>
    public string? NativeDirectory { get; }

    /// <summary>Every kernel set in the file, by name, in file order.</summary>
    public static IReadOnlyList<KernelSet> LoadAll(string path)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
        string directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        List<KernelSet> sets = new();
        foreach (JsonProperty entry in document.RootElement.EnumerateObject())
        {
            if (entry.Name.StartsWith('_')) continue;
            JsonElement value = entry.Value;
            string? Text(string property) => value.TryGetProperty(property, out JsonElement e) ? e.GetString() : null;
            string? FullPath(string property) => Text(property) is string relative ? Path.GetFullPath(Path.Combine(directory, relative)) : null;
            List<string> requires = value.TryGetProperty("requires", out JsonElement r)
                ? r.EnumerateArray().Select(e => e.GetString()!).ToList()
                : new List<string>();
            sets.Add(new KernelSet(entry.Name, Text("description") ?? "", requires, FullPath("device_project"), Text("define"), FullPath("native")));
        }
        return sets;
    }

    /// <summary>
    /// The kernel set a build uses: <paramref name="requested"/>, or the board's <c>default_kernels</c> when empty.
    /// An unknown name, or a set the board's core cannot run, is an error that names the valid ones.
    /// </summary>
    public static KernelSet Resolve(string path, BoardFile board, string? requested)
    {
        IReadOnlyList<KernelSet> sets = LoadAll(path);
        string name = string.IsNullOrEmpty(requested) ? board.DefaultKernels : requested;
        List<KernelSet> runnable = sets.Where(s => s.Requires.All(board.Extensions.Contains)).ToList();
        string Valid() => string.Join(", ", runnable.Select(s => s.Name));
        KernelSet? set = sets.FirstOrDefault(s => s.Name == name);
        if (set == null)
        {
            throw new BuildException($"unknown kernel set '{name}'. Kernel sets for board '{board.Name}': {Valid()} " +
                                     $"(all kernel sets: {string.Join(", ", sets.Select(s => s.Name))})");
        }
        string[] missing = set.Requires.Where(e => !board.Extensions.Contains(e)).ToArray();
        if (missing.Length > 0)
        {
            throw new BuildException($"kernel set '{name}' needs a core with {string.Join(", ", missing)}, which board '{board.Name}' " +
                                     $"({board.Cpu}) does not have. Kernel sets for board '{board.Name}': {Valid()}");
        }
        return set;
    }
}
