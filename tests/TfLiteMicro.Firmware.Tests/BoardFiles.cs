using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using TfLiteMicro.Testing;

namespace TfLiteMicro.Firmware.Tests;

/// <summary>Reads ports/boards/*.json, the data that defines each board.</summary>
public static class BoardFiles
{
    public static string Directory => Path.Combine(RepositoryPaths.Root, "ports", "boards");

    public static JsonElement Load(string board)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, board + ".json")));
        return document.RootElement.Clone();
    }

    public static IReadOnlyList<string> Names() =>
        System.IO.Directory.GetFiles(Directory, "*.json").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order().ToList();

    /// <summary>The command line that runs an image on the board's emulator (QEMU with semihosting).</summary>
    public static (string Program, List<string> Arguments) EmulatorCommand(string board, string elf)
    {
        JsonElement emulator = Load(board).GetProperty("emulator");
        List<string> arguments = new() { "-M", emulator.GetProperty("machine").GetString()!, "-nographic", "-semihosting" };
        if (emulator.TryGetProperty("extra_args", out JsonElement extra))
            arguments.AddRange(extra.EnumerateArray().Select(a => a.GetString()!));
        arguments.AddRange(new[] { "-kernel", elf });
        return (emulator.GetProperty("command").GetString()!, arguments);
    }
}
