using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace TfLiteMicro.FirmwareBuilder;

/// <summary>One ports/boards/&lt;name&gt;.json: the data that makes a board (see ports/boards/README.md).</summary>
public sealed class BoardFile
{
    private BoardFile(string name, JsonElement root)
    {
        Name = name;
        Root = root;
    }

    public string Name { get; }

    public JsonElement Root { get; }

    /// <summary>"supported", or "unsupported: reason".</summary>
    public string Status => Text("status") ?? "supported";

    public bool IsSupported => Status == "supported";

    public string Kind => Text("kind") ?? "mcu";

    public string Cpu => Required("cpu");

    public string Fpu => Text("fpu") ?? "none";

    public string FloatAbi => Text("float_abi") ?? (Fpu == "none" ? "soft" : "hard");

    public string Family => Required("family");

    public string Console => Text("console") ?? "semihosting";

    public string IlcTargetArchitecture => Root.GetProperty("ilc").GetProperty("targetarch").GetString()!;

    public string IlcTargetOs => Root.GetProperty("ilc").TryGetProperty("targetos", out JsonElement os) ? os.GetString()! : "linux";

    public string TimerKind => Root.GetProperty("timer").GetProperty("kind").GetString()!;

    public long TimerHz => Root.GetProperty("timer").GetProperty("hz").GetInt64();

    public long FlashOrigin => Address("flash_origin");

    public long FlashBytes => Root.GetProperty("memory").GetProperty("flash_bytes").GetInt64();

    public long RamOrigin => Address("ram_origin");

    public long RamBytes => Root.GetProperty("memory").GetProperty("ram_bytes").GetInt64();

    public long StackBytes => Root.GetProperty("memory").GetProperty("stack_bytes").GetInt64();

    /// <summary>
    /// Where the core fetches its reset vector when that is not the flash origin (the Corstone-300's secure boot
    /// address is its ITCM), or null: the build then places the initial stack pointer and reset address there.
    /// </summary>
    public long? BootAddress => Root.GetProperty("memory").TryGetProperty("boot_origin", out JsonElement _) ? Address("boot_origin") : null;

    public long ArenaBytes => Root.GetProperty("arena_bytes").GetInt64();

    /// <summary>The kernel set images use unless the build asks for another (ports/kernel-sets/firmware.json).</summary>
    public string DefaultKernels => Text("default_kernels") ?? KernelSet.Reference;

    /// <summary>What the core offers beyond the base instruction set (e.g. <c>dsp</c>); kernel sets require them.</summary>
    public IReadOnlyList<string> Extensions =>
        Root.TryGetProperty("extensions", out JsonElement e) ? e.EnumerateArray().Select(x => x.GetString()!).ToList() : new List<string>();

    /// <summary>
    /// Timer ticks to executed instructions under the board's emulator (<c>qemu -icount shift=0</c> runs one instruction
    /// per virtual nanosecond, so a timer at hz counts one tick per 10^9 / hz instructions).
    /// </summary>
    public double InstructionsPerTick => Root.GetProperty("timer").TryGetProperty("instructions_per_tick", out JsonElement ipt)
        ? ipt.GetDouble()
        : 1e9 / TimerHz;

    /// <summary>The gcc flags that select the CPU and floating-point ABI.</summary>
    public IReadOnlyList<string> CpuFlags
    {
        get
        {
            List<string> flags = new() { "-mcpu=" + Cpu, "-mthumb", "-mfloat-abi=" + FloatAbi };
            if (Fpu != "none") flags.Add("-mfpu=" + Fpu);
            return flags;
        }
    }

    public static BoardFile Load(string path)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
        JsonElement root = document.RootElement.Clone();
        string name = root.TryGetProperty("name", out JsonElement n) ? n.GetString()! : Path.GetFileNameWithoutExtension(path);
        return new BoardFile(name, root);
    }

    /// <summary>Every board in <paramref name="boardsDirectory"/>, by name.</summary>
    public static SortedDictionary<string, BoardFile> LoadAll(string boardsDirectory)
    {
        SortedDictionary<string, BoardFile> boards = new(StringComparer.Ordinal);
        foreach (string file in Directory.GetFiles(boardsDirectory, "*.json").Order(StringComparer.Ordinal))
        {
            BoardFile board = Load(file);
            boards[board.Name] = board;
        }
        return boards;
    }

    /// <summary>The board, or an error that says why it cannot be built (unknown: the valid ones; unsupported: the reason).</summary>
    public static BoardFile Resolve(string boardsDirectory, string name)
    {
        SortedDictionary<string, BoardFile> boards = LoadAll(boardsDirectory);
        if (!boards.TryGetValue(name, out BoardFile? board))
        {
            string list = string.Join(Environment.NewLine, boards.Values.Select(b => $"  {b.Name,-12} {b.Status}"));
            throw new BuildException($"unknown board '{name}'. Valid boards:{Environment.NewLine}{list}");
        }
        if (!board.IsSupported) throw new BuildException($"board '{name}' cannot be built: {board.Status}");
        return board;
    }

    private string? Text(string property) => Root.TryGetProperty(property, out JsonElement value) ? value.GetString() : null;

    private string Required(string property) =>
        Text(property) ?? throw new BuildException($"board '{Name}' has no \"{property}\"");

    private long Address(string property)
    {
        string text = Root.GetProperty("memory").GetProperty(property).GetString()!;
        return text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? long.Parse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)
            : long.Parse(text, CultureInfo.InvariantCulture);
    }
}
