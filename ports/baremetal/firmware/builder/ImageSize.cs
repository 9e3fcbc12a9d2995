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
/// Flash and RAM of a linked image, split by component. Totals come from the output sections
/// (<c>arm-none-eabi-size -A</c>): flash = vectors + <c>.text</c> (code and read-only data, including the embedded
/// files) + <c>.data</c>'s load image; RAM = <c>.data</c> + <c>.bss</c> (which holds the tensor arena) + the stack
/// the board reserves. The heap is whatever RAM is left; the programs print how much of it they used.
/// <para>
/// Every byte of <c>.isr_vector</c>, <c>.text</c>, <c>.data</c> and <c>.bss</c> is attributed to one component
/// (<see cref="Components"/>): the link map says which object file each input section came from, and inside ilc's
/// object the symbols (methods, MethodTables, RVA data) say which assembly and namespace they belong to. Read-only
/// data that is printable text (the UTF-8 message literals ilc places in <c>.rodata</c>) is counted separately as
/// "message text", and any such text found in a RAM section is reported, since messages belong in flash.
/// </para>
/// </summary>
public sealed class ImageSize
{
    /// <summary>The components, in report order.</summary>
    public static readonly string[] Components = { "model", "core", "verifier", "kernels", "port", "runtime", "libc", "application" };

    /// <summary>Shortest run of printable bytes counted as message text.</summary>
    private const int MinimumTextRun = 6;

    private ImageSize(string summary, string json)
    {
        Summary = summary;
        Json = json;
    }

    /// <summary>The human-readable report (also written as <c>&lt;example&gt;.size.txt</c>).</summary>
    public string Summary { get; }

    /// <summary>The same figures as JSON (<c>&lt;example&gt;.size.json</c>), read by the size tests and the docs generator.</summary>
    public string Json { get; }

    public static ImageSize Measure(string elf, string linkMap, long embeddedBytes, long arenaBytes, BoardFile board, bool stripErrorStrings)
    {
        ElfImage image = ElfImage.Load(elf);
        List<InputSection> inputs = ParseLinkMap(File.ReadAllText(linkMap));
        List<ImageSymbol> allSymbols = ReadSymbols(elf);
        // One address may carry several names (folded method bodies, the linker's __bss_start): each byte counts once.
        List<ImageSymbol> symbols = allSymbols.GroupBy(s => s.Address).Select(g => g.First()).OrderBy(s => s.Address).ToList();

        OutputSection? vectors = image.Section(".isr_vector");
        OutputSection? text = image.Section(".text");
        OutputSection? data = image.Section(".data");
        OutputSection? bss = image.Section(".bss");

        Dictionary<string, long> flash = Components.ToDictionary(c => c, _ => 0L, StringComparer.Ordinal);
        Dictionary<string, long> ram = Components.ToDictionary(c => c, _ => 0L, StringComparer.Ordinal);
        long messageText = 0;
        long messageTextInRam = 0;
        long arenaInBss = 0;

        foreach (OutputSection? section in new[] { vectors, text, data, bss })
        {
            if (section == null) continue;
            bool inFlash = section.Name != ".bss";
            bool inRam = section.Name is ".data" or ".bss";
            long[] attributed = new long[Components.Length];
            foreach ((long start, long size, string component, bool readOnlyData) in Attribute(section, inputs, symbols))
            {
                int index = Array.IndexOf(Components, component);
                attributed[index] += size;
                if (readOnlyData || section.Name == ".data")
                {
                    long textBytes = image.PrintableBytes(section, start, size, MinimumTextRun);
                    if (component != "model" && section.Name == ".text") messageText += textBytes;
                    if (section.Name == ".data") messageTextInRam += textBytes;
                }
            }
            // Alignment padding between input sections (and anything the map does not list) goes to the runtime.
            long unattributed = section.Size - attributed.Sum();
            attributed[Array.IndexOf(Components, "runtime")] += unattributed;
            for (int i = 0; i < Components.Length; i++)
            {
                if (inFlash) flash[Components[i]] += attributed[i];
                if (inRam) ram[Components[i]] += attributed[i];
            }
            if (section.Name == ".bss")
            {
                arenaInBss = allSymbols.Where(s => s.Name == "arena" && s.Address >= section.Address && s.Address < section.End).Sum(s => s.Size);
            }
        }
        // The arena is the application's working memory, not a component's static RAM.
        ram["application"] -= arenaInBss;

        long flashTotal = (vectors?.Size ?? 0) + (text?.Size ?? 0) + (data?.Size ?? 0);
        long dataBytes = data?.Size ?? 0;
        long bssBytes = bss?.Size ?? 0;
        long ramTotal = dataBytes + bssBytes + board.StackBytes;
        long flashOutsideModel = flashTotal - flash["model"];
        long staticRam = dataBytes + bssBytes - arenaInBss;

        StringBuilder summary = new();
        summary.AppendLine(CultureInfo.InvariantCulture,
            $"flash {flashTotal} bytes of {board.FlashBytes}: text+rodata {(vectors?.Size ?? 0) + (text?.Size ?? 0)} (embedded files {embeddedBytes}) + data {dataBytes}");
        summary.AppendLine(CultureInfo.InvariantCulture,
            $"RAM   {ramTotal} bytes of {board.RamBytes}: data {dataBytes} + bss {bssBytes} (arena {arenaBytes}) + stack {board.StackBytes}; heap (rest) {board.RamBytes - ramTotal}");
        if (stripErrorStrings) summary.AppendLine("error strings stripped (TFLM_STRIP_ERROR_STRINGS)");
        summary.AppendLine(CultureInfo.InvariantCulture, $"{"component",-12} {"flash",9} {"static RAM",11}");
        foreach (string component in Components)
        {
            summary.AppendLine(CultureInfo.InvariantCulture, $"{component,-12} {flash[component],9} {ram[component],11}");
        }
        summary.AppendLine(CultureInfo.InvariantCulture, $"{"total",-12} {flashTotal,9} {staticRam,11}   (+ arena {arenaInBss}, stack {board.StackBytes})");
        summary.AppendLine(CultureInfo.InvariantCulture,
            $"flash outside the embedded model and inputs: {flashOutsideModel} (of which message text {messageText}); static RAM besides the arena: {staticRam}");
        if (messageTextInRam > 0)
        {
            summary.AppendLine(CultureInfo.InvariantCulture, $"warning: {messageTextInRam} bytes of printable text in .data (RAM)");
        }

        using MemoryStream stream = new();
        using (Utf8JsonWriter json = new(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("board", board.Name);
            json.WriteBoolean("strip_error_strings", stripErrorStrings);
            json.WriteNumber("flash_bytes", flashTotal);
            json.WriteNumber("flash_outside_model_bytes", flashOutsideModel);
            json.WriteNumber("embedded_file_bytes", embeddedBytes);
            json.WriteNumber("message_text_bytes", messageText);
            json.WriteNumber("message_text_in_ram_bytes", messageTextInRam);
            json.WriteNumber("data_bytes", dataBytes);
            json.WriteNumber("bss_bytes", bssBytes);
            json.WriteNumber("arena_bytes", arenaInBss);
            json.WriteNumber("static_ram_bytes", staticRam);
            json.WriteNumber("stack_bytes", board.StackBytes);
            json.WriteNumber("ram_bytes", ramTotal);
            json.WriteStartObject("flash");
            foreach (string component in Components) json.WriteNumber(component, flash[component]);
            json.WriteEndObject();
            json.WriteStartObject("static_ram");
            foreach (string component in Components) json.WriteNumber(component, ram[component]);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return new ImageSize(summary.ToString(), Encoding.UTF8.GetString(stream.ToArray()) + "\n");
    }

    // ------------------------------------------------------------------ attribution

    /// <summary>The bytes of one output section as (start, size, component) pieces.</summary>
    private static IEnumerable<(long Start, long Size, string Component, bool ReadOnlyData)> Attribute(OutputSection section, List<InputSection> inputs, List<ImageSymbol> symbols)
    {
        foreach (InputSection input in inputs)
        {
            if (input.Size == 0 || input.Address < section.Address || input.Address >= section.End) continue;
            long end = Math.Min(input.Address + input.Size, section.End);
            if (!IsManagedObject(input.File))
            {
                yield return (input.Address, end - input.Address, ComponentOfFile(input), input.Name.StartsWith(".rodata", StringComparison.Ordinal));
                continue;
            }
            // ilc's object: one big section per kind; its symbols tell what each piece is.
            bool rodata = input.Name == ".rodata";
            List<ImageSymbol> inside = symbols.Where(s => s.Address >= input.Address && s.Address < end).ToList();
            long cursor = input.Address;
            for (int i = 0; i < inside.Count; i++)
            {
                long next = i + 1 < inside.Count ? inside[i + 1].Address : end;
                if (inside[i].Address > cursor) yield return (cursor, inside[i].Address - cursor, "runtime", rodata);
                if (next > inside[i].Address)
                {
                    yield return (inside[i].Address, next - inside[i].Address, ComponentOfManagedSymbol(inside[i].Name), rodata);
                    cursor = next;
                }
            }
            if (end > cursor) yield return (cursor, end - cursor, "runtime", rodata);
        }
    }

    private static bool IsManagedObject(string file) => file.EndsWith(".managed.o)", StringComparison.Ordinal) || file.EndsWith(".managed.o", StringComparison.Ordinal);

    private static string ComponentOfFile(InputSection input)
    {
        string file = input.File;
        string name = Path.GetFileName(file.TrimEnd(')'));
        if (file.Contains("embedded_files.generated.o", StringComparison.Ordinal) && input.Name.StartsWith(".rodata.tflm_file_", StringComparison.Ordinal)) return "model";
        if (file.Contains("/libc.a(", StringComparison.Ordinal) || file.Contains("/libc_nano.a(", StringComparison.Ordinal)
            || file.Contains("/libg.a(", StringComparison.Ordinal) || file.Contains("/libg_nano.a(", StringComparison.Ordinal)
            || file.Contains("/libm.a(", StringComparison.Ordinal) || file.Contains("/libgcc.a(", StringComparison.Ordinal)
            || file.Contains("/libnosys.a(", StringComparison.Ordinal))
        {
            return "libc";
        }
        // The runtime the managed code needs: start-up, fault handling, heap, integer helpers, ilc's helpers.
        if (name.StartsWith("startup.o", StringComparison.Ordinal) || name.StartsWith("fpu_emulation.o", StringComparison.Ordinal)
            || name.StartsWith("platform.o", StringComparison.Ordinal) || name.StartsWith("runtime_helpers.o", StringComparison.Ordinal)
            || file == "linker" || file.Contains("linker stubs", StringComparison.Ordinal))
        {
            return "runtime";
        }
        // Board support (console, timer, arena, embedded-file lookup) and the example's own C.
        return "application";
    }

    /// <summary>ilc names symbols after the assembly, then the namespace and type: TfLiteMicro_Core_TfLiteMicro_Schema_....</summary>
    internal static string ComponentOfManagedSymbol(string symbol)
    {
        string name = symbol;
        // MethodTables (_ZTV<length><type>), frame and unwind labels carry the type's name after a prefix.
        Match vtable = Regex.Match(name, "^_ZTV[0-9]+(.*)$");
        if (vtable.Success) name = vtable.Groups[1].Value;
        foreach (string prefix in new[] { "_fram0", "_extab0", "__writableData", "__GCStaticBase_", "__NonGCStaticBase_", "__Str_" })
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal)) name = name.Substring(prefix.Length);
        }
        if (name.StartsWith("__Array<", StringComparison.Ordinal)) name = name.Substring("__Array<".Length);

        if (name.StartsWith("TfLiteMicro_Core_TfLiteMicro_Schema_", StringComparison.Ordinal))
        {
            string type = name.Substring("TfLiteMicro_Core_TfLiteMicro_Schema_".Length);
            foreach (string verifier in new[] { "TableVerifiers", "FlatBufferVerifier", "ModelVerifier", "SchemaTables", "TableWalker" })
            {
                if (type.StartsWith(verifier, StringComparison.Ordinal)) return "verifier";
            }
            return "core";
        }
        if (name.StartsWith("TfLiteMicro_Core_", StringComparison.Ordinal) || name.StartsWith("TfLiteMicro_NativeApi_", StringComparison.Ordinal)) return "core";
        if (name.StartsWith("TfLiteMicro_Kernels_Reference_", StringComparison.Ordinal)) return "kernels";
        if (name.StartsWith("TfLiteMicro_Ports_", StringComparison.Ordinal)) return "port";
        if (name.StartsWith("TfLiteMicro_BareMetal_CoreLib_", StringComparison.Ordinal)) return "runtime";
        if (name.StartsWith("TfLiteMicro_BareMetal_Platform_", StringComparison.Ordinal)) return "application";
        // The example's assembly (its name comes first) and anything else named after an assembly of ours.
        if (Regex.IsMatch(name, "^[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]*TfLiteMicro_")) return "application";
        // ilc's own data: ReadyToRun header, module tables, boxed primitive MethodTables, thunks.
        return "runtime";
    }

    // ------------------------------------------------------------------ inputs

    private sealed record InputSection(string Name, long Address, long Size, string File);

    private sealed record ImageSymbol(string Name, long Address, long Size);

    /// <summary>The input sections of the link map ("name address size file", sometimes over two lines).</summary>
    private static List<InputSection> ParseLinkMap(string map)
    {
        List<InputSection> sections = new();
        int start = map.IndexOf("Linker script and memory map", StringComparison.Ordinal);
        string[] lines = map.Substring(Math.Max(start, 0)).Split('\n');
        Regex full = new(@"^ (\S+)\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+(\S.*)$");
        Regex nameOnly = new(@"^ (\S+)$");
        Regex continuation = new(@"^\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+(\S.*)$");
        Regex fill = new(@"^ \*fill\*\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)");
        Regex outputSection = new(@"^(\S+)(\s|$)");
        string? pending = null;
        bool allocated = false;
        foreach (string raw in lines)
        {
            string line = raw.TrimEnd('\r');
            // An output section starts at column 0; only the allocated ones this report splits are of interest
            // (debug sections have their own small addresses that would overlap .text's).
            Match output = outputSection.Match(line);
            if (output.Success)
            {
                allocated = output.Groups[1].Value is ".isr_vector" or ".text" or ".data" or ".bss";
                pending = null;
                continue;
            }
            if (!allocated) continue;
            if (pending != null)
            {
                Match c = continuation.Match(line);
                if (c.Success) sections.Add(new InputSection(pending, Hex(c.Groups[1].Value), Hex(c.Groups[2].Value), c.Groups[3].Value.Trim()));
                pending = null;
                continue;
            }
            if (fill.IsMatch(line)) continue;
            Match m = full.Match(line);
            if (m.Success)
            {
                sections.Add(new InputSection(m.Groups[1].Value, Hex(m.Groups[2].Value), Hex(m.Groups[3].Value), m.Groups[4].Value.Trim()));
                continue;
            }
            Match n = nameOnly.Match(line);
            if (n.Success && n.Groups[1].Value.StartsWith('.') || n.Success && n.Groups[1].Value.StartsWith("__", StringComparison.Ordinal)) pending = n.Groups[1].Value;
        }
        return sections;
    }

    private static List<ImageSymbol> ReadSymbols(string elf)
    {
        List<ImageSymbol> symbols = new();
        foreach (string line in ToolRunner.Capture("arm-none-eabi-nm", new[] { "-n", "-S", "--defined-only", elf }).Split('\n'))
        {
            string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 3) continue;
            string name = words[^1];
            if (name.StartsWith('$') || name.StartsWith("_fram0", StringComparison.Ordinal) || name.StartsWith("_extab0", StringComparison.Ordinal)) continue;
            string type = words[^2];
            if (type is "A" or "a" or "N" or "U") continue;
            long size = words.Length == 4 ? Hex(words[1]) : 0;
            long address = Hex(words[0]);
            if (type is "T" or "t") address &= ~1L;
            symbols.Add(new ImageSymbol(name, address, size));
        }
        return symbols;
    }

    private static long Hex(string text) => long.Parse(text, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    // ------------------------------------------------------------------ ELF

    private sealed record OutputSection(string Name, long Address, long Size, long FileOffset, bool HasBytes)
    {
        public long End => Address + Size;
    }

    /// <summary>Just enough of ELF32 (little-endian) to find the allocated sections and read their bytes.</summary>
    private sealed class ElfImage
    {
        private readonly byte[] bytes;
        private readonly List<OutputSection> sections;

        private ElfImage(byte[] bytes, List<OutputSection> sections)
        {
            this.bytes = bytes;
            this.sections = sections;
        }

        public OutputSection? Section(string name) => sections.FirstOrDefault(s => s.Name == name);

        public static ElfImage Load(string path)
        {
            byte[] bytes = File.ReadAllBytes(path);
            if (bytes.Length < 52 || bytes[0] != 0x7f || bytes[1] != (byte)'E' || bytes[4] != 1 || bytes[5] != 1)
            {
                throw new BuildException($"{path} is not a little-endian ELF32 file");
            }
            int shoff = BitConverter.ToInt32(bytes, 0x20);
            int shentsize = BitConverter.ToUInt16(bytes, 0x2E);
            int shnum = BitConverter.ToUInt16(bytes, 0x30);
            int shstrndx = BitConverter.ToUInt16(bytes, 0x32);
            int names = BitConverter.ToInt32(bytes, shoff + shstrndx * shentsize + 0x10);
            List<OutputSection> sections = new();
            for (int i = 0; i < shnum; i++)
            {
                int header = shoff + i * shentsize;
                int nameOffset = BitConverter.ToInt32(bytes, header);
                int type = BitConverter.ToInt32(bytes, header + 4);
                int end = names + nameOffset;
                while (bytes[end] != 0) end++;
                string name = Encoding.ASCII.GetString(bytes, names + nameOffset, end - names - nameOffset);
                sections.Add(new OutputSection(name, BitConverter.ToUInt32(bytes, header + 0x0C), BitConverter.ToUInt32(bytes, header + 0x14),
                    BitConverter.ToUInt32(bytes, header + 0x10), type != 8 /* SHT_NOBITS */));
            }
            return new ElfImage(bytes, sections);
        }

        /// <summary>Bytes in runs of at least <paramref name="minimumRun"/> printable ASCII characters.</summary>
        public long PrintableBytes(OutputSection section, long address, long size, int minimumRun)
        {
            if (!section.HasBytes) return 0;
            long offset = section.FileOffset + (address - section.Address);
            long total = 0;
            long run = 0;
            for (long i = 0; i < size; i++)
            {
                byte b = bytes[offset + i];
                if (b >= 0x20 && b < 0x7f) { run++; continue; }
                if (run >= minimumRun) total += run;
                run = 0;
            }
            if (run >= minimumRun) total += run;
            return total;
        }
    }
}
