using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace TfLiteMicro.FirmwareBuilder;

/// <summary>
/// Flash and RAM of a linked image, from its section sizes (<c>arm-none-eabi-size -A</c>):
/// flash = vectors + .text (code and read-only data, including the embedded files) + .data's load image;
/// RAM = .data + .bss (which holds the tensor arena) + the stack the board reserves. The heap is whatever RAM is
/// left; the programs print how much of it they used (heap_used).
/// </summary>
public sealed class ImageSize
{
    private ImageSize(string summary) => Summary = summary;

    public string Summary { get; }

    public static ImageSize Measure(string elf, long embeddedBytes, long arenaBytes, BoardFile board)
    {
        Dictionary<string, long> sections = new(StringComparer.Ordinal);
        foreach (string line in ToolRunner.Capture("arm-none-eabi-size", new[] { "-A", elf }).Split('\n'))
        {
            string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 3 && words[0].StartsWith('.') && long.TryParse(words[1], NumberStyles.None, CultureInfo.InvariantCulture, out long bytes))
                sections[words[0]] = bytes;
        }
        long Section(string name) => sections.TryGetValue(name, out long bytes) ? bytes : 0;
        long text = Section(".isr_vector") + Section(".text");
        long data = Section(".data");
        long bss = Section(".bss");
        long flash = text + data;
        long ram = data + bss + board.StackBytes;
        StringBuilder summary = new();
        summary.AppendLine(CultureInfo.InvariantCulture,
            $"flash {flash} bytes of {board.FlashBytes}: text+rodata {text} (embedded files {embeddedBytes}, code and other rodata {text - embeddedBytes}) + data {data}");
        summary.AppendLine(CultureInfo.InvariantCulture,
            $"RAM   {ram} bytes of {board.RamBytes}: data {data} + bss {bss} (arena {arenaBytes}) + stack {board.StackBytes}; heap (rest) {Section(".heap")}");
        return new ImageSize(summary.ToString());
    }
}
