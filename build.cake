// TfLiteMicro build orchestration. Run: `dotnet tool restore` once, then `dotnet cake --board=<name> [options]`.
//
//   dotnet cake --board=nrf52840                         build the hello-world firmware for the nRF52840
//   dotnet cake --board=nrf52840 --target=Run            build it and run it in the board's emulator (QEMU)
//   dotnet cake --board=nrf52840 --kernels=reference      the same with the reference kernels instead of the board's default
//   dotnet cake --board=host --example=hello-world       NativeAOT executable + the C API static library and C program
//   dotnet cake --board=nrf52840 --target=Library --models=a.tflite   libtflm.a + tflm.h with a.tflite's operators
//   dotnet cake --board=nrf52840 --example=mlperf-kws-int8 --target=Size   flash and RAM by component
//   dotnet cake --target=Test                            everything ./test.sh runs
//
// Boards are data: one JSON file per board in ports/boards/. This script only resolves arguments, reads the board
// file and calls the real builds (dotnet publish for the host, ports/baremetal/firmware/Firmware.proj for MCUs),
// which also work without Cake.

#nullable enable
using System.Text.Json;

///////////////////////////////////////////////////////////////////////////////
// ARGUMENTS (--arg, then environment variable, then default)
///////////////////////////////////////////////////////////////////////////////

string FromArgumentOrEnvironment(string name, string variable, string fallback) =>
    HasArgument(name) ? Argument<string>(name) : (EnvironmentVariable(variable) ?? fallback);

var board = FromArgumentOrEnvironment("board", "TFLM_BOARD", "");
var target = FromArgumentOrEnvironment("target", "TFLM_TARGET", board == "" ? "Test" : "Firmware");
var example = FromArgumentOrEnvironment("example", "TFLM_EXAMPLE", "hello-world");
// Empty: the board's default_kernels (ports/boards/<board>.json); the kernel sets are ports/kernel-sets/firmware.json.
var kernels = FromArgumentOrEnvironment("kernels", "TFLM_KERNELS", "");
var configuration = FromArgumentOrEnvironment("configuration", "TFLM_CONFIGURATION", "Release");
// --strip-error-strings (or TFLM_STRIP_ERROR_STRINGS=true, or the board file's "strip_error_strings": true): firmware
// messages keep status, operator name, node and numbers but no text (TFLM's TF_LITE_STRIP_ERROR_STRINGS).
var stripErrorStringsArgument = HasArgument("strip-error-strings")
    ? (Argument<string>("strip-error-strings", "true") is var v && (v == "" || v == "true"))
    : EnvironmentVariable("TFLM_STRIP_ERROR_STRINGS") == "true";
var repository = MakeAbsolute(Directory(".")).FullPath;
var artifacts = $"{repository}/artifacts";

Information("TfLiteMicro build");
Information($"  target        = {target}");
Information($"  board         = {(board == "" ? "(none)" : board)}");
Information($"  example       = {example}");
Information($"  kernels       = {(kernels == "" ? "(the board's default_kernels)" : kernels)}");
Information($"  configuration = {configuration}");
Information($"  strip errors  = {(stripErrorStringsArgument ? "yes" : "no (or as the board file says)")}");
Information($"  boards        = {repository}/ports/boards/*.json");
Information($"  output        = {artifacts}/firmware/{(board == "" ? "<board>" : board)}/");

///////////////////////////////////////////////////////////////////////////////
// BOARDS
///////////////////////////////////////////////////////////////////////////////

sealed class Board
{
    public string Name = "";
    public string Status = "";
    public string Kind = "";
    public JsonElement Data;
    public bool Supported => Status == "supported";
}

Dictionary<string, Board> LoadBoards()
{
    var boards = new Dictionary<string, Board>(StringComparer.Ordinal);
    foreach (var file in GetFiles($"{repository}/ports/boards/*.json").OrderBy(f => f.FullPath))
    {
        using var document = JsonDocument.Parse(System.IO.File.ReadAllText(file.FullPath));
        var root = document.RootElement.Clone();
        var name = root.GetProperty("name").GetString() ?? file.GetFilenameWithoutExtension().FullPath;
        boards[name] = new Board
        {
            Name = name,
            Status = root.TryGetProperty("status", out var status) ? status.GetString() ?? "" : "supported",
            Kind = root.TryGetProperty("kind", out var kind) ? kind.GetString() ?? "mcu" : "mcu",
            Data = root,
        };
    }
    return boards;
}

Board ResolveBoard()
{
    var boards = LoadBoards();
    string List() => string.Join(Environment.NewLine, boards.Values.Select(b => $"  {b.Name,-12} {b.Status}"));
    if (board == "")
        throw new CakeException($"--board is required for target {target} (or set TFLM_BOARD). Boards:{Environment.NewLine}{List()}");
    if (!boards.TryGetValue(board, out var resolved))
        throw new CakeException($"unknown board '{board}'. Valid boards:{Environment.NewLine}{List()}");
    if (!resolved.Supported)
        throw new CakeException($"board '{board}' cannot be built: {resolved.Status}");
    return resolved;
}

string ExampleProject(string name)
{
    var projects = GetFiles($"{repository}/examples/{name}/*.csproj").ToList();
    if (projects.Count != 1)
    {
        var valid = GetDirectories($"{repository}/examples/*").Select(d => d.GetDirectoryName()).OrderBy(n => n);
        throw new CakeException($"unknown example '{name}'. Examples: {string.Join(", ", valid)}");
    }
    return projects[0].FullPath;
}

string IlCompilerPackage()
{
    var root = EnvironmentVariable("NUGET_PACKAGES") ?? $"{EnvironmentVariable("HOME")}/.nuget/packages";
    var versions = GetDirectories($"{root}/runtime.linux-x64.microsoft.dotnet.ilcompiler/9.0.*").OrderBy(d => d.FullPath).ToList();
    if (versions.Count == 0) throw new CakeException("NativeAOT ILCompiler 9.0 package not found; the host publish restores it");
    return versions.Last().FullPath;
}

int RunProcess(string program, string arguments, string? workingDirectory = null)
{
    Information($"> {program} {arguments}");
    return StartProcess(program, new ProcessSettings { Arguments = arguments, WorkingDirectory = workingDirectory ?? repository });
}

///////////////////////////////////////////////////////////////////////////////
// PRIVATE TASKS
///////////////////////////////////////////////////////////////////////////////

Task("__ResolveBoard")
    .Does(() => ResolveBoard());

Task("__HostFirmware")
    .IsDependentOn("__ResolveBoard")
    .WithCriteria(() => ResolveBoard().Kind == "host")
    .Does(() =>
{
    // Host programs choose kernels when they run (tflm run/bench --kernels NAME), not when they are built.
    if (kernels != "" && kernels != "reference")
        throw new CakeException($"--kernels={kernels}: the host board builds its examples with the reference kernels; choose a kernel set at run time (tflm run --kernels {kernels})");
    var output = $"{artifacts}/firmware/host";
    EnsureDirectoryExists(output);
    var rid = ResolveBoard().Data.GetProperty("runtime_identifier").GetString();

    if (example == "c-api")
    {
        // The C API as a NativeAOT static library, linked into the C example program.
        var libraryOutput = $"{output}/c-api-lib";
        DotNetPublish($"{repository}/ports/native-api/TfLiteMicro.NativeApi.csproj", new DotNetPublishSettings
        {
            Configuration = configuration,
            OutputDirectory = libraryOutput,
            MSBuildSettings = new DotNetMSBuildSettings().WithProperty("NativeLib", "Static").WithProperty("RuntimeIdentifier", rid),
        });
        var ilc = IlCompilerPackage();
        var runtime = string.Join(" ", new[]
        {
            "sdk/libbootstrapperdll.o", "sdk/libRuntime.WorkstationGC.a", "sdk/libeventpipe-disabled.a",
            "sdk/libstandalonegc-disabled.a", "sdk/libRuntime.VxsortEnabled.a", "framework/libSystem.Native.a",
            "framework/libSystem.Globalization.Native.a", "sdk/libstdc++compat.a",
        }.Select(p => $"{ilc}/{p}"));
        var exit = RunProcess("gcc", $"-O2 -I {repository}/ports/native-api/include {repository}/examples/c-api/main.c " +
            $"{libraryOutput}/tflm.a {runtime} -lstdc++ -lpthread -ldl -lm -lrt -o {output}/c-api");
        if (exit != 0) throw new CakeException($"linking the C example failed ({exit})");
        Information($"host C program: {output}/c-api (links {libraryOutput}/tflm.a)");
        return;
    }

    var project = ExampleProject(example);
    DotNetPublish(project, new DotNetPublishSettings
    {
        Configuration = configuration,
        OutputDirectory = $"{output}/{example}",
        MSBuildSettings = new DotNetMSBuildSettings()
            .WithProperty("PublishAot", "true")
            .WithProperty("RuntimeIdentifier", rid)
            .WithProperty("SelfContained", "true")
            .WithProperty("InvariantGlobalization", "true"),
    });
    Information($"host executable: {output}/{example}/{example}");
});

Task("__McuFirmware")
    .IsDependentOn("__ResolveBoard")
    .WithCriteria(() => ResolveBoard().Kind != "host")
    .Does(() =>
{
    var output = $"{artifacts}/firmware/{board}";
    var data = ResolveBoard().Data;
    bool strip = stripErrorStringsArgument
        || (data.TryGetProperty("strip_error_strings", out var boardStrip) && boardStrip.ValueKind == JsonValueKind.True);
    DotNetBuild($"{repository}/ports/baremetal/firmware/Firmware.proj", new DotNetBuildSettings
    {
        Configuration = configuration,
        MSBuildSettings = new DotNetMSBuildSettings()
            .WithProperty("Board", board)
            .WithProperty("Example", example)
            .WithProperty("Kernels", kernels)
            .WithProperty("FirmwareOutput", output)
            .WithProperty("StripErrorStrings", strip ? "true" : "false"),
    });
    Information($"firmware image: {output}/{example}.elf (+ .hex, .bin)");
});

///////////////////////////////////////////////////////////////////////////////
// PUBLIC TASKS
///////////////////////////////////////////////////////////////////////////////

Task("Clean")
    .Does(() => CleanDirectory(artifacts));

Task("Build")
    .Does(() => DotNetBuild($"{repository}/TfLiteMicro.sln", new DotNetBuildSettings { Configuration = configuration }));

Task("Test")
    .Does(() =>
{
    if (RunProcess($"{repository}/setup.sh", "") != 0) throw new CakeException("setup.sh failed");
    DotNetTest($"{repository}/TfLiteMicro.sln", new DotNetTestSettings { Configuration = configuration });
});

Task("Firmware")
    .IsDependentOn("__HostFirmware")
    .IsDependentOn("__McuFirmware");

Task("Run")
    .IsDependentOn("Firmware")
    .Does(() =>
{
    var resolved = ResolveBoard();
    int exit;
    if (resolved.Kind == "host")
    {
        exit = example == "c-api"
            ? RunProcess($"{artifacts}/firmware/host/c-api", $"{repository}/examples/hello-world/models/hello_world_int8.tflite")
            : RunProcess($"{artifacts}/firmware/host/{example}/{example}", "");
    }
    else
    {
        var emulator = resolved.Data.GetProperty("emulator");
        var command = emulator.GetProperty("command").GetString();
        var machine = emulator.GetProperty("machine").GetString();
        var extra = emulator.TryGetProperty("extra_args", out var e) ? string.Join(" ", e.EnumerateArray().Select(a => a.GetString())) : "";
        exit = RunProcess(command!, $"-M {machine} -nographic -semihosting {extra} -kernel {artifacts}/firmware/{board}/{example}.elf");
    }
    if (exit != 0) throw new CakeException($"{example} on {board} exited with {exit}");
});

Task("Library")
    .IsDependentOn("__ResolveBoard")
    .Does(() =>
{
    // The C library (docs/c-library.md): libtflm.a + tflm.h for the board's CPU, with the operators of --models
    // (comma-separated .tflite paths) and --operators (comma-separated names); every reference kernel without either.
    var resolved = ResolveBoard();
    if (resolved.Kind == "host") throw new CakeException("--target=Library builds the C library for an MCU board; for the host use --example=c-api");
    var models = FromArgumentOrEnvironment("models", "TFLM_LIBRARY_MODELS", "");
    var operators = FromArgumentOrEnvironment("operators", "TFLM_LIBRARY_OPERATORS", "");
    var output = $"{artifacts}/library/{board}";
    var settings = new DotNetMSBuildSettings()
        .WithProperty("Board", board)
        .WithProperty("Example", "c-library")
        .WithProperty("FirmwareOutput", output)
        .WithProperty("StripErrorStrings", stripErrorStringsArgument ? "true" : "false");
    if (models != "")
        settings = settings.WithProperty("LibraryModels", string.Join(",", models.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(m => MakeAbsolute(File(m.Trim())).FullPath)));
    if (operators != "") settings = settings.WithProperty("LibraryOperators", operators);
    DotNetBuild($"{repository}/ports/baremetal/firmware/Firmware.proj", new DotNetBuildSettings { Configuration = configuration, MSBuildSettings = settings });
    Information($"C library: {output}/libtflm.a + {output}/tflm.h (see docs/c-library.md)");
});

Task("Size")
    .IsDependentOn("Firmware")
    .Does(() =>
{
    var resolved = ResolveBoard();
    var image = resolved.Kind == "host"
        ? (example == "c-api" ? $"{artifacts}/firmware/host/c-api" : $"{artifacts}/firmware/host/{example}/{example}")
        : $"{artifacts}/firmware/{board}/{example}.elf";
    var size = resolved.Kind == "host" ? "size" : "arm-none-eabi-size";
    if (RunProcess(size, image) != 0) throw new CakeException($"{size} failed");
    if (resolved.Kind != "host")
    {
        var memory = resolved.Data.GetProperty("memory");
        Information($"board memory: flash {memory.GetProperty("flash_bytes")} bytes, RAM {memory.GetProperty("ram_bytes")} bytes");
        // Written by the firmware build: flash = text (code, read-only data, embedded model) + data;
        // RAM = data + bss (holds the arena) + the board's stack; the heap is the RAM left over.
        var summary = $"{artifacts}/firmware/{board}/{example}.size.txt";
        if (FileExists(summary)) Information(System.IO.File.ReadAllText(summary).TrimEnd());
    }
});

Task("SizeReport")
    .IsDependentOn("__ResolveBoard")
    .Does(() =>
{
    // docs/boards.md's size table of the board: every firmware example built, run in the emulator (for arena used,
    // heap used and stack peak) and measured (.size.json, split by component); the table is regenerated from that.
    var resolved = ResolveBoard();
    if (resolved.Kind == "host") throw new CakeException("--target=SizeReport measures MCU firmware images");
    var output = $"{artifacts}/firmware/{board}";
    var examples = new[] { "hello-world", "mlperf-ad-int8", "mlperf-kws-int8", "mlperf-vww-int8", "mlperf-ic-int8", "person-detect", "c-api-firmware" };
    var emulator = resolved.Data.GetProperty("emulator");
    var extra = emulator.TryGetProperty("extra_args", out var e) ? string.Join(" ", e.EnumerateArray().Select(a => a.GetString())) : "";
    foreach (var name in examples)
    {
        DotNetBuild($"{repository}/ports/baremetal/firmware/Firmware.proj", new DotNetBuildSettings
        {
            Configuration = configuration,
            MSBuildSettings = new DotNetMSBuildSettings().WithProperty("Board", board).WithProperty("Example", name).WithProperty("FirmwareOutput", output),
        });
        // Semihosting writes the program's output to the emulator's stderr.
        int exit = StartProcess(emulator.GetProperty("command").GetString()!, new ProcessSettings
        {
            Arguments = $"-M {emulator.GetProperty("machine").GetString()} -nographic -semihosting {extra} -kernel {output}/{name}.elf",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }, out IEnumerable<string> lines, out IEnumerable<string> errorLines);
        System.IO.File.WriteAllLines($"{output}/{name}.run.txt", lines.Concat(errorLines));
        if (exit != 0) throw new CakeException($"{name} on {board} exited with {exit}");
    }
    DotNetBuild($"{repository}/ports/baremetal/firmware/builder/TfLiteMicro.FirmwareBuilder.csproj", new DotNetBuildSettings { Configuration = configuration });
    var builder = $"{repository}/ports/baremetal/firmware/builder/bin/{configuration}/net10.0/TfLiteMicro.FirmwareBuilder.dll";
    if (RunProcess("dotnet", $"\"{builder}\" report {board} \"{output}\" \"{repository}/docs/boards.md\"") != 0)
        throw new CakeException("writing the size table failed");
});

///////////////////////////////////////////////////////////////////////////////
// BENCH: instructions per inference in the board's emulator (QEMU -icount), recorded in docs/boards.md
//
//   dotnet cake --board=nrf52840 --target=Bench                            every benchmark example
//   dotnet cake --board=nrf52840 --target=Bench --example=mlperf-kws-int8  one example (its rows are replaced)
//   dotnet cake --board=nrf52840 --target=Bench --kernels=reference        another kernel set than the board's default
//
// Builds each example once with the per-operator profile (-p:FirmwareProfile=true), runs it in the board's
// emulator, keeps what it printed in artifacts/bench/<board>/<example>.txt, merges the figures into
// docs/bench/<board>.json and regenerates docs/boards.md's section for the board from that file, next to TFLM's
// figures (docs/bench/tflm-<emulator machine>.json). A benchmark, not a test: nothing fails on a number.
///////////////////////////////////////////////////////////////////////////////

static readonly string[] BenchExamples =
    { "hello-world", "mlperf-ad-int8", "mlperf-kws-int8", "mlperf-vww-int8", "mlperf-ic-int8", "person-detect", "mlperf-ic-float" };

sealed class BenchOp
{
    public string Op { get; set; } = "";
    public int Nodes { get; set; }
    public long Ticks { get; set; }
    public long Macs { get; set; }
}

sealed class BenchModel
{
    public string Example { get; set; } = "";
    public List<long> CaseTicks { get; set; } = new();
    public long Instructions { get; set; }
    public long Macs { get; set; }
    public long ArenaUsedBytes { get; set; }
    public long EmulatedDoubleInstructions { get; set; }
    public long ProfiledInvokeTicks { get; set; }
    public long ProfiledNodesTicks { get; set; }
    public List<BenchOp> Ops { get; set; } = new();
}

sealed class BenchFile
{
    public string Board { get; set; } = "";
    public string Emulator { get; set; } = "";
    public double InstructionsPerTick { get; set; }
    public Dictionary<string, SortedDictionary<string, BenchModel>> Kernels { get; set; } = new();
}

sealed class TflmFigures
{
    public string Description { get; set; } = "";
    public Dictionary<string, JsonElement> Models { get; set; } = new();
}

static readonly JsonSerializerOptions BenchJson = new()
{
    WriteIndented = true,
    PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    PropertyNameCaseInsensitive = true,
};

// Instructions per timer tick under `-icount shift=N`: QEMU advances 2^N ns per instruction, the timer ticks at hz.
double InstructionsPerTick(Board resolved)
{
    if (resolved.Data.TryGetProperty("instructions_per_tick", out var explicitValue)) return explicitValue.GetDouble();
    var extra = resolved.Data.GetProperty("emulator").TryGetProperty("extra_args", out var e)
        ? e.EnumerateArray().Select(a => a.GetString() ?? "").ToList() : new List<string>();
    int icount = extra.IndexOf("-icount");
    if (icount < 0 || icount + 1 >= extra.Count)
        throw new CakeException($"board '{resolved.Name}' runs its emulator without -icount: its timer does not count instructions");
    var shiftText = extra[icount + 1].Split(',').Select(o => o.Trim()).FirstOrDefault(o => o.StartsWith("shift="))?.Substring(6) ?? extra[icount + 1];
    int shift = int.Parse(shiftText);
    double hz = resolved.Data.GetProperty("timer").GetProperty("hz").GetDouble();
    return 1e9 / (hz * Math.Pow(2, shift));
}

// What the firmware printed (ports/baremetal/firmware/platform/ModelRunner.cs and OperatorProfile.cs), per model.
Dictionary<string, BenchModel> ParseBenchOutput(string example, IEnumerable<string> lines, double instructionsPerTick)
{
    var models = new Dictionary<string, BenchModel>(StringComparer.Ordinal);
    BenchModel? current = null;
    foreach (var raw in lines)
    {
        var w = raw.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (w.Length >= 4 && w[0] == "model" && w[2] == "arena_used")
        {
            current = new BenchModel { Example = example, ArenaUsedBytes = long.Parse(w[3]) };
            models[w[1]] = current;
        }
        else if (current == null) continue;
        else if (w.Length >= 6 && w[0] == "case" && w[2] == "ticks")
        {
            current.CaseTicks.Add(long.Parse(w[3]));
            current.EmulatedDoubleInstructions = Math.Max(current.EmulatedDoubleInstructions, long.Parse(w[5]));
        }
        else if (w.Length >= 9 && w[0] == "profile" && w[1] == "op")
        {
            current.Ops.Add(new BenchOp { Op = w[2], Nodes = int.Parse(w[4]), Ticks = long.Parse(w[6]), Macs = long.Parse(w[8]) });
        }
        else if (w.Length >= 6 && w[0] == "profile" && w[1] == "invoke")
        {
            current.ProfiledInvokeTicks = long.Parse(w[3]);
            current.ProfiledNodesTicks = long.Parse(w[5]);
        }
    }
    foreach (var (name, model) in models)
    {
        if (model.CaseTicks.Count == 0 || model.Ops.Count == 0)
            throw new CakeException($"{example}: no ticks or no operator profile for {name} (was it built with -p:FirmwareProfile=true?)");
        // The first case: every case runs the same instructions but for data-dependent branches (a few ticks).
        model.Instructions = (long)Math.Round(model.CaseTicks[0] * instructionsPerTick);
        model.Macs = model.Ops.Sum(o => o.Macs);
    }
    return models;
}

string BenchTable(BenchFile bench, string kernels, TflmFigures? tflm)
{
    string N(long v) => v.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
    string Ratio(double v) => v.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + "x";
    long Tflm(string model, string field) =>
        tflm != null && tflm.Models.TryGetValue(model, out var m) && m.TryGetProperty(field, out var v) ? v.GetInt64() : 0;
    var models = bench.Kernels[kernels];
    var text = new System.Text.StringBuilder();
    text.AppendLine($"Kernels: `{kernels}`. Instructions = ticks x {bench.InstructionsPerTick:0.##} (`{bench.Emulator}`), case 0 of each model.");
    text.AppendLine();
    text.AppendLine("| model | MACs | **instructions / inference** | TFLM reference | TFLM + CMSIS-NN | ours / TFLM ref | ours / TFLM + CMSIS-NN | instructions per MAC | largest operators | arena used (ours / TFLM 32-bit) |");
    text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---|---:|");
    foreach (var (name, m) in models)
    {
        long reference = Tflm(name, "reference_instructions"), cmsis = Tflm(name, "cmsis_nn_instructions");
        long arena = Tflm(name, kernels == "cmsis-nn" ? "cmsis_nn_arena_bytes" : "reference_arena_bytes");
        var total = m.Ops.Sum(o => o.Ticks);
        var largest = string.Join(", ", m.Ops.OrderByDescending(o => o.Ticks).Take(3)
            .Select(o => $"{o.Op} {100.0 * o.Ticks / Math.Max(1, total):0.#}%"));
        text.AppendLine($"| {name} | {N(m.Macs)} | **{N(m.Instructions)}** | {(reference > 0 ? N(reference) : "-")} | {(cmsis > 0 ? N(cmsis) : "-")} | " +
            $"{(reference > 0 ? Ratio((double)m.Instructions / reference) : "-")} | {(cmsis > 0 ? Ratio((double)m.Instructions / cmsis) : "-")} | " +
            $"{(m.Macs > 0 ? ((double)m.Instructions / m.Macs).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) : "-")} | {largest} | " +
            $"{N(m.ArenaUsedBytes)} / {(arena > 0 ? N(arena) : "-")} |");
    }
    text.AppendLine();
    text.AppendLine("Per operator (from one more Invoke with the profiler attached; its total differs from the unprofiled one by the");
    text.AppendLine("\"profiler\" figure — the few instructions per node the profiler hook itself costs):");
    foreach (var (name, m) in models)
    {
        text.AppendLine();
        long profilerCost = (long)Math.Round((m.ProfiledInvokeTicks - m.CaseTicks[0]) * bench.InstructionsPerTick);
        text.AppendLine($"**{name}** ({m.Example}; profiler {(profilerCost >= 0 ? "+" : "")}{N(profilerCost)} instructions, " +
            $"{100.0 * profilerCost / Math.Max(1, m.Instructions):0.000}%; double-precision instructions emulated per Invoke: {m.EmulatedDoubleInstructions})");
        text.AppendLine();
        text.AppendLine("| operator | nodes | instructions | share | MACs | instructions per MAC |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        long sum = m.Ops.Sum(o => o.Ticks);
        foreach (var op in m.Ops.OrderByDescending(o => o.Ticks))
        {
            long instructions = (long)Math.Round(op.Ticks * bench.InstructionsPerTick);
            text.AppendLine($"| {op.Op} | {op.Nodes} | {N(instructions)} | {100.0 * op.Ticks / Math.Max(1, sum):0.0}% | " +
                $"{(op.Macs > 0 ? N(op.Macs) : "-")} | {(op.Macs > 0 ? ((double)instructions / op.Macs).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) : "-")} |");
        }
    }
    return text.ToString();
}

Task("Bench")
    .Does(() =>
{
    var resolved = ResolveBoard();
    if (resolved.Kind == "host") throw new CakeException("Bench measures MCU boards in their emulator; for the host use `tflm bench` (docs/performance.md)");
    bool oneExample = HasArgument("example") || EnvironmentVariable("TFLM_EXAMPLE") != null;
    var examples = oneExample ? new[] { example } : BenchExamples;
    // --kernels=NAME, else the board's default_kernels: each set keeps its own rows in docs/bench/<board>.json.
    var set = kernels != "" ? kernels : resolved.Data.TryGetProperty("default_kernels", out var k) ? k.GetString() ?? "reference" : "reference";
    double perTick = InstructionsPerTick(resolved);
    var emulator = resolved.Data.GetProperty("emulator");
    var command = emulator.GetProperty("command").GetString()!;
    var machine = emulator.GetProperty("machine").GetString()!;
    var extra = emulator.TryGetProperty("extra_args", out var e) ? string.Join(" ", e.EnumerateArray().Select(a => a.GetString())) : "";
    var output = $"{artifacts}/bench/{board}/{set}";
    EnsureDirectoryExists(output);

    var benchPath = $"{repository}/docs/bench/{board}.json";
    var bench = System.IO.File.Exists(benchPath)
        ? JsonSerializer.Deserialize<BenchFile>(System.IO.File.ReadAllText(benchPath), BenchJson)!
        : new BenchFile();
    bench.Board = board;
    bench.Emulator = $"{command} -M {machine} {extra}".Trim();
    bench.InstructionsPerTick = perTick;
    if (!bench.Kernels.TryGetValue(set, out var results)) bench.Kernels[set] = results = new SortedDictionary<string, BenchModel>(StringComparer.Ordinal);

    foreach (var name in examples)
    {
        DotNetBuild($"{repository}/ports/baremetal/firmware/Firmware.proj", new DotNetBuildSettings
        {
            Configuration = configuration,
            MSBuildSettings = new DotNetMSBuildSettings()
                .WithProperty("Board", board)
                .WithProperty("Example", name)
                .WithProperty("Kernels", set)
                .WithProperty("FirmwareOutput", output)
                .WithProperty("FirmwareProfile", "true"),
        });
        var arguments = $"-M {machine} -nographic -semihosting {extra} -kernel {output}/{name}.elf";
        Information($"> {command} {arguments}");
        // The semihosting console is QEMU's stderr.
        int exit = StartProcess(command, new ProcessSettings
            {
                Arguments = arguments, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = repository,
            },
            out IEnumerable<string> standardOutput, out IEnumerable<string> standardError);
        var lines = standardOutput.Concat(standardError).ToList();
        System.IO.File.WriteAllLines($"{output}/{name}.txt", lines);
        if (exit != 0) throw new CakeException($"{name} on {board} exited with {exit}:{Environment.NewLine}{string.Join(Environment.NewLine, lines.TakeLast(20))}");
        foreach (var (model, figures) in ParseBenchOutput(name, lines, perTick))
        {
            results[model] = figures;
            Information($"{model}: {figures.Instructions:N0} instructions per inference, {figures.Macs:N0} MACs");
        }
    }
    System.IO.File.WriteAllText(benchPath, JsonSerializer.Serialize(bench, BenchJson) + Environment.NewLine);

    var tflmPath = $"{repository}/docs/bench/tflm-{machine}.json";
    var tflm = System.IO.File.Exists(tflmPath) ? JsonSerializer.Deserialize<TflmFigures>(System.IO.File.ReadAllText(tflmPath), BenchJson) : null;
    var generated = new System.Text.StringBuilder();
    generated.AppendLine($"<!-- bench:{board}:begin — generated by `dotnet cake --board={board} --target=Bench` from docs/bench/{board}.json; do not edit -->");
    foreach (var tableSet in bench.Kernels.Keys.OrderBy(s => s == "reference" ? 0 : 1))
    {
        generated.AppendLine();
        generated.Append(BenchTable(bench, tableSet, tflm));
    }
    generated.AppendLine();
    generated.Append($"<!-- bench:{board}:end -->");
    var docPath = $"{repository}/docs/boards.md";
    var doc = System.IO.File.ReadAllText(docPath);
    var begin = doc.IndexOf($"<!-- bench:{board}:begin", StringComparison.Ordinal);
    var endMarker = $"<!-- bench:{board}:end -->";
    var end = doc.IndexOf(endMarker, StringComparison.Ordinal);
    doc = begin >= 0 && end > begin
        ? doc.Substring(0, begin) + generated + doc.Substring(end + endMarker.Length)
        : doc.TrimEnd() + $"{Environment.NewLine}{Environment.NewLine}## Instructions per inference ({board}){Environment.NewLine}{Environment.NewLine}{generated}{Environment.NewLine}";
    System.IO.File.WriteAllText(docPath, doc);
    Information($"wrote {benchPath} and the {board} section of {docPath}; raw output in {output}/");
    Information(BenchTable(bench, kernels, tflm));
});

RunTarget(target);
