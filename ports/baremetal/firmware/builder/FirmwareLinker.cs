using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace TfLiteMicro.FirmwareBuilder;

/// <summary>
/// Turns the example's compiled assemblies into a firmware image for an MCU board:
/// ilc (IL → ARM object, against the bare-metal core library) → gcc (startup, console, timer, platform support,
/// the generated embedded-file table) → link with the board's memory map → .elf, .hex, .bin.
/// </summary>
public sealed class FirmwareLinker
{
    /// <summary>The core library's assembly name: ilc's system module.</summary>
    public const string CoreLibrary = "TfLiteMicro.BareMetal.CoreLib";

    private readonly BuildPlan plan;
    private readonly BoardFile board;
    private readonly KernelSet kernels;
    private readonly string example;
    private readonly string native;
    private readonly string intermediate;
    private readonly string output;
    private long embeddedBytes;
    private long arenaBytes;

    public FirmwareLinker(BuildPlan plan, BoardFile board, KernelSet kernels)
    {
        this.plan = plan;
        this.board = board;
        this.kernels = kernels;
        example = plan.Single("example");
        native = plan.Single("native");
        intermediate = plan.Single("intermediate");
        output = plan.Single("output");
    }

    public void Build()
    {
        if (board.Kind != "mcu") throw new BuildException($"board '{board.Name}' is a {board.Kind} board; Firmware.proj builds MCU boards only");
        Directory.CreateDirectory(intermediate);
        Directory.CreateDirectory(output);

        string managedObject = CompileManagedCode();
        if (plan.Optional("publish-library") is string libraryName) PublishLibrary(managedObject, libraryName);
        if (plan.Optional("library-only") == "true") return;

        List<string> objects = CompileNativeCode();
        string managedLibrary = Path.Combine(intermediate, "libtflm-managed.a");
        File.Delete(managedLibrary);
        // The managed code and the runtime support it needs, as one static library.
        ToolRunner.Run("arm-none-eabi-ar", new[] { "rcs", managedLibrary, managedObject }
            .Concat(objects.Where(o => IsRuntimeSupport(o))));

        WriteMemoryMap();
        string elf = Path.Combine(output, example + ".elf");
        List<string> link = new(board.CpuFlags)
        {
            "-nostartfiles", "-Wl,--gc-sections", "-Wl,--no-warn-rwx-segments", "-Wl,--no-warn-execstack",
            "-T", Path.Combine(native, board.Family, board.Family + ".ld"),
            "-L", intermediate,
            "-Wl,-Map," + Path.Combine(intermediate, example + ".map"),
            "-o", elf,
        };
        link.AddRange(objects.Where(o => !IsRuntimeSupport(o)));
        link.AddRange(new[] { "-Wl,--start-group", managedLibrary, "-lm", "-lc", "-lgcc", "-Wl,--end-group" });
        ToolRunner.Run("arm-none-eabi-gcc", link);
        ToolRunner.Run("arm-none-eabi-objcopy", new[] { "-O", "ihex", elf, Path.ChangeExtension(elf, ".hex") });
        ToolRunner.Run("arm-none-eabi-objcopy", new[] { "-O", "binary", elf, Path.ChangeExtension(elf, ".bin") });
        ToolRunner.Run("arm-none-eabi-size", new[] { elf }, echo: false);
        ImageSize size = ImageSize.Measure(elf, Path.Combine(intermediate, example + ".map"), embeddedBytes, arenaBytes, board,
            plan.Optional("strip-error-strings") == "true");
        File.WriteAllText(Path.ChangeExtension(elf, ".size.txt"), size.Summary);
        File.WriteAllText(Path.ChangeExtension(elf, ".size.json"), size.Json);
        Console.Write(size.Summary);
        Console.WriteLine($"firmware image: {elf} (+ .hex, .bin) for {board.Name} ({board.Cpu}), kernels {kernels.Name}");
    }

    /// <summary>What the managed code calls into (runtime support, the kernel set's microkernels): archived with it.</summary>
    private static bool IsRuntimeSupport(string objectFile) =>
        Path.GetFileName(objectFile) is "platform.o" or "runtime_helpers.o" || Path.GetFileName(objectFile).StartsWith("kernels-", StringComparison.Ordinal);

    /// <summary>Bytes of the C library's pool for the managed objects (interpreters, resolvers): -p:LibraryObjectPoolBytes.</summary>
    private const long DefaultObjectPoolBytes = 8192;

    /// <summary>
    /// The C library for a firmware of one's own (docs/c-library.md): the managed code and the runtime support
    /// compiled with TFLM_LIBRARY (heap as a pool inside the library, fatal errors through the weak
    /// tflm_on_fatal_error, the UsageFault emulation as tflm_usage_fault_handler; no console, no start-up code,
    /// no memset/memmove of its own), archived as <paramref name="libraryName"/> next to tflm.h in the output folder.
    /// </summary>
    private void PublishLibrary(string managedObject, string libraryName)
    {
        long pool = plan.Optional("object-pool") is string p ? long.Parse(p, CultureInfo.InvariantCulture) : DefaultObjectPoolBytes;
        List<string> flags = new(board.CpuFlags)
        {
            "-Os", "-g", "-ffreestanding", "-ffunction-sections", "-fdata-sections", "-Wall", "-Wextra", "-Werror",
            "-I", Path.Combine(native, "common"),
            "-DTFLM_LIBRARY", "-DTFLM_OBJECT_POOL_BYTES=" + pool.ToString(CultureInfo.InvariantCulture),
        };
        List<string> sources = new() { Path.Combine(native, "common", "platform.c"), Path.Combine(native, "common", "runtime_helpers.c") };
        string fpuEmulation = Path.Combine(native, board.Family, "fpu_emulation.c");
        if (File.Exists(fpuEmulation)) sources.Add(fpuEmulation);
        List<string> objects = new() { managedObject };
        foreach (string source in sources)
        {
            string objectFile = Path.Combine(intermediate, "library-" + Path.GetFileNameWithoutExtension(source) + ".o");
            ToolRunner.Run("arm-none-eabi-gcc", flags.Concat(new[] { "-c", source, "-o", objectFile }));
            objects.Add(objectFile);
        }
        // The kernel set's microkernels (a port's native code), optimized for speed like in an image.
        if (kernels.NativeDirectory is string kernelSources)
        {
            List<string> kernelFlags = new(board.CpuFlags)
            {
                "-O2", "-g", "-ffreestanding", "-ffunction-sections", "-fdata-sections", "-Wall", "-Wextra", "-Werror",
                "-I", kernelSources,
            };
            foreach (string source in Directory.GetFiles(kernelSources, "*.c").Order(StringComparer.Ordinal))
            {
                string objectFile = Path.Combine(intermediate, "library-kernels-" + Path.GetFileNameWithoutExtension(source) + ".o");
                ToolRunner.Run("arm-none-eabi-gcc", kernelFlags.Concat(new[] { "-c", source, "-o", objectFile }));
                objects.Add(objectFile);
            }
        }
        // One relocatable object whose only global symbols are the C API of tflm.h (and the two firmware hooks):
        // everything else (ilc's method and type symbols such as _ZTV6String, the runtime helpers) becomes local,
        // so nothing can clash with a firmware's own symbols.
        string header = plan.All("include").Select(i => Path.Combine(i, "tflm.h")).FirstOrDefault(File.Exists)
            ?? throw new BuildException("tflm.h not found in the include folders");
        HashSet<string> api = new(System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(header), @"\b(tflm_[a-z0-9_]+)\s*\(")
            .Select(m => m.Groups[1].Value), StringComparer.Ordinal);
        // ilc's section names as the usual ones, so any firmware linker script places them (*(.text*), *(.data*)).
        string renamed = Path.Combine(intermediate, "library-managed.o");
        ToolRunner.Run("arm-none-eabi-objcopy", new[]
        {
            "--rename-section", "__managedcode=.text.tflm_managed", "--rename-section", "__modules=.data.tflm_modules",
            managedObject, renamed,
        });
        objects[0] = renamed;
        string combined = Path.Combine(intermediate, "libtflm.o");
        ToolRunner.Run("arm-none-eabi-ld", new[] { "-r", "-z", "noexecstack", "-o", combined }.Concat(objects));
        string keep = Path.Combine(intermediate, "libtflm.globals.txt");
        File.WriteAllLines(keep, api.Order(StringComparer.Ordinal));
        ToolRunner.Run("arm-none-eabi-objcopy", new[] { "--keep-global-symbols=" + keep, combined });
        string library = Path.Combine(output, libraryName);
        File.Delete(library);
        ToolRunner.Run("arm-none-eabi-ar", new[] { "rcs", library, combined });
        File.Copy(header, Path.Combine(output, "tflm.h"), true);
        Console.WriteLine($"C library: {library} (+ tflm.h) for {board.Cpu}, object pool {pool} bytes");
        ToolRunner.Run("arm-none-eabi-size", new[] { "-t", library }, echo: false);
    }

    private string CompileManagedCode()
    {
        string assemblies = plan.Single("assemblies");
        HashSet<string> roots = new(plan.All("root"), StringComparer.Ordinal) { CoreLibrary };
        List<string> inputs = new();
        foreach (string dll in Directory.GetFiles(assemblies, "*.dll").Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileNameWithoutExtension(dll);
            inputs.Add(roots.Contains(name) ? dll : "-r:" + dll);
        }
        List<string> options = new()
        {
            "--systemmodule:" + CoreLibrary,
            "--targetarch:" + board.IlcTargetArchitecture,
            "--targetos:" + board.IlcTargetOs,
            // Optimize for size by default (IlcOptimization=size|blend|speed): 2% less code than -O, and the same
            // instruction counts per inference on the MLPerf models (the hot loops compile the same).
            plan.Optional("ilc-optimize") switch { "speed" => "--Ot", "blend" => "-O", _ => "--Os" },
            // Identical method bodies (generic instantiations over same-sized types, trivial accessors) once: ~5% less code.
            "--methodbodyfolding",
            "--nativelib",
            // Every DllImport in device code names a symbol the firmware links statically.
            "--directpinvoke:*",
        };
        string objectFile = Path.Combine(intermediate, example + ".managed.o");
        string mapFile = Path.Combine(intermediate, example + ".managed.map.xml");

        // ilc's output depends only on its inputs and options, not on the board's memory map or C code, so every
        // Cortex-M board with the same ilc target reuses one compilation of an example (the firmware tests build each
        // example for several boards).
        string? cache = plan.Optional("ilc_cache") is string cacheRoot ? Path.Combine(cacheRoot, CacheKey(inputs, options)) : null;
        if (cache != null && File.Exists(Path.Combine(cache, "managed.o")))
        {
            File.Copy(Path.Combine(cache, "managed.o"), objectFile, true);
            File.Copy(Path.Combine(cache, "managed.map.xml"), mapFile, true);
            Console.WriteLine($"ilc: reusing {cache}");
            return objectFile;
        }

        List<string> arguments = new(inputs) { "-o:" + objectFile, "--map:" + mapFile };
        arguments.AddRange(options);
        ToolRunner.Run(plan.Single("ilc"), arguments);
        // ilc's unwind tables (.ARM.exidx/.ARM.extab, which also hold its GC info): nothing unwinds on the device and
        // there is no GC, so they go, here rather than in a linker script (a firmware linking the library keeps its own).
        ToolRunner.Run("arm-none-eabi-objcopy", new[]
        {
            "--remove-section=.ARM.exidx__managedcode", "--remove-section=.rel.ARM.exidx__managedcode",
            "--remove-section=.ARM.extab__managedcode", "--remove-section=.rel.ARM.extab__managedcode", objectFile,
        });
        // ilc tags its object as generic ARM (build attributes: ARMv4T); gcc's linker refuses to combine that with
        // ARMv8-M objects (Cortex-M33/M55: "conflicting CPU architectures"). The code is plain Thumb-2 that every
        // Cortex-M with the main extension runs, so the tag is dropped and the C objects' attributes decide.
        ToolRunner.Run("arm-none-eabi-objcopy", new[] { "--remove-section=.ARM.attributes", objectFile });
        if (cache != null)
        {
            Directory.CreateDirectory(cache);
            File.Copy(mapFile, Path.Combine(cache, "managed.map.xml"), true);
            File.Copy(objectFile, Path.Combine(cache, "managed.o.partial"), true);
            File.Move(Path.Combine(cache, "managed.o.partial"), Path.Combine(cache, "managed.o"), true);
        }
        return objectFile;
    }

    /// <summary>A hash of ilc's path, options and every input assembly's bytes: equal keys compile to equal objects.</summary>
    private string CacheKey(List<string> inputs, List<string> options)
    {
        using System.Security.Cryptography.IncrementalHash hash =
            System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        void Add(string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + "\n"));
        Add(plan.Single("ilc"));
        foreach (string option in options) Add(option);
        foreach (string input in inputs)
        {
            string path = input.StartsWith("-r:", StringComparison.Ordinal) ? input.Substring(3) : input;
            Add((input.StartsWith("-r:", StringComparison.Ordinal) ? "-r:" : "") + Path.GetFileName(path));
            hash.AppendData(File.ReadAllBytes(path));
        }
        return example + "-" + Convert.ToHexString(hash.GetHashAndReset()).Substring(0, 24).ToLowerInvariant();
    }

    private List<string> CompileNativeCode()
    {
        long arena = plan.Optional("arena") is string a ? long.Parse(a, CultureInfo.InvariantCulture) : board.ArenaBytes;
        arenaBytes = arena;
        List<string> flags = new(board.CpuFlags)
        {
            "-Os", "-g", "-ffreestanding", "-ffunction-sections", "-fdata-sections", "-Wall", "-Wextra", "-Werror",
            "-I", Path.Combine(native, "common"),
            "-DTFLM_TIMER_HZ=" + board.TimerHz.ToString(CultureInfo.InvariantCulture) + "u",
            "-DTFLM_ARENA_BYTES=" + arena.ToString(CultureInfo.InvariantCulture),
        };
        foreach (string include in plan.All("include")) flags.AddRange(new[] { "-I", include });

        string familyDirectory = Path.Combine(native, board.Family);
        if (!Directory.Exists(familyDirectory)) throw new BuildException($"board '{board.Name}': no CPU family folder {familyDirectory}");
        // The CPU family's start-up code (vectors, reset, fault handling) is every C file of its folder.
        List<string> sources = new(Directory.GetFiles(familyDirectory, "*.c").Order(StringComparer.Ordinal))
        {
            Path.Combine(native, "common", "platform.c"),
            Path.Combine(native, "common", "runtime_helpers.c"),
            Path.Combine(native, "common", "memory.c"),
            Path.Combine(native, "common", "arena.c"),
            Path.Combine(native, "common", "embedded_files.c"),
            Path.Combine(native, "console", board.Console + ".c"),
            Path.Combine(native, "timer", board.TimerKind + ".c"),
            WriteEmbeddedFileTable(),
        };
        sources.AddRange(plan.All("csource"));

        List<string> objects = new();
        foreach (string source in sources)
        {
            if (!File.Exists(source)) throw new BuildException($"missing source {source} (board '{board.Name}')");
            string objectFile = Path.Combine(intermediate, Path.GetFileNameWithoutExtension(source) + ".o");
            ToolRunner.Run("arm-none-eabi-gcc", flags.Concat(new[] { "-c", source, "-o", objectFile }));
            objects.Add(objectFile);
        }

        // The kernel set's microkernels: optimized for speed (they are the inner loops), for this board's CPU only.
        if (kernels.NativeDirectory is string kernelSources)
        {
            List<string> kernelFlags = new(board.CpuFlags)
            {
                "-O2", "-g", "-ffreestanding", "-ffunction-sections", "-fdata-sections", "-Wall", "-Wextra", "-Werror",
                "-I", kernelSources,
            };
            foreach (string source in Directory.GetFiles(kernelSources, "*.c").Order(StringComparer.Ordinal))
            {
                string objectFile = Path.Combine(intermediate, "kernels-" + Path.GetFileNameWithoutExtension(source) + ".o");
                ToolRunner.Run("arm-none-eabi-gcc", kernelFlags.Concat(new[] { "-c", source, "-o", objectFile }));
                objects.Add(objectFile);
            }
        }
        return objects;
    }

    /// <summary>
    /// The embedded files as a C source: each file pulled into .rodata with .incbin (16-byte aligned, as flatbuffer
    /// models want) and a name table for tflm_embedded_file().
    /// </summary>
    private string WriteEmbeddedFileTable()
    {
        StringBuilder text = new();
        text.AppendLine("/* Generated by the firmware build (ports/baremetal/firmware/builder): the example's embedded files. */");
        text.AppendLine("#include <stdint.h>");
        List<(string Name, int Index)> entries = new();
        int index = 0;
        foreach (string item in plan.All("file"))
        {
            int bar = item.IndexOf('|');
            if (bar <= 0) throw new BuildException($"embedded file '{item}' is not NAME|PATH");
            string name = item.Substring(0, bar);
            string path = Path.GetFullPath(item.Substring(bar + 1));
            if (!File.Exists(path)) throw new BuildException($"embedded file {path} does not exist");
            if (path.Contains('"') || name.Contains('"')) throw new BuildException($"embedded file name or path contains a quote: {item}");
            embeddedBytes += new FileInfo(path).Length;
            text.AppendLine($"__asm__(\".section .rodata.tflm_file_{index},\\\"a\\\"\\n.balign 16\\n" +
                            $"tflm_file_{index}:\\n.incbin \\\"{path}\\\"\\ntflm_file_{index}_end:\\n.previous\\n\");");
            text.AppendLine($"extern const uint8_t tflm_file_{index}[], tflm_file_{index}_end[];");
            entries.Add((name, index++));
        }
        text.AppendLine("struct tflm_embedded_file_entry { const char *name; const uint8_t *start; const uint8_t *end; };");
        text.AppendLine("const struct tflm_embedded_file_entry tflm_embedded_files[] = {");
        foreach ((string name, int i) in entries) text.AppendLine($"    {{\"{name}\", tflm_file_{i}, tflm_file_{i}_end}},");
        text.AppendLine("    {0, 0, 0},");
        text.AppendLine("};");
        text.AppendLine($"const int tflm_embedded_file_count = {entries.Count};");
        string table = Path.Combine(intermediate, "embedded_files.generated.c");
        WriteIfChanged(table, text.ToString());
        return table;
    }

    /// <summary>The board's memory map for the family linker script (which INCLUDEs memory.ld), and its boot vector.</summary>
    private void WriteMemoryMap()
    {
        string text =
            "/* Generated from ports/boards/" + board.Name + ".json by the firmware build. */\n" +
            "MEMORY\n{\n" +
            $"    FLASH (rx) : ORIGIN = 0x{board.FlashOrigin:X8}, LENGTH = {board.FlashBytes}\n" +
            $"    RAM (rwx)  : ORIGIN = 0x{board.RamOrigin:X8}, LENGTH = {board.RamBytes}\n" +
            (board.BootAddress is long boot ? $"    BOOT (rx)  : ORIGIN = 0x{boot:X8}, LENGTH = 8\n" : "") +
            "}\n" +
            $"__stack_size = {board.StackBytes};\n";
        if (board.BootAddress is not null)
        {
            // The core boots from elsewhere than the flash: give it the initial stack pointer and the reset address
            // there; the reset handler then points VTOR at the full vector table in flash.
            text += "SECTIONS\n{\n    .boot_vector : { LONG(__stack_top) LONG(Reset_Handler | 1) } > BOOT\n}\n";
        }
        WriteIfChanged(Path.Combine(intermediate, "memory.ld"), text);
    }

    private static void WriteIfChanged(string path, string text)
    {
        if (!File.Exists(path) || File.ReadAllText(path) != text) File.WriteAllText(path, text);
    }
}
