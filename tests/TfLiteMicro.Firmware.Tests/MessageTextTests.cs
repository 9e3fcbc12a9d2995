using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Firmware.Tests;

/// <summary>
/// Where the library's message text ends up in a firmware image. Every UTF-8 message literal written in core/,
/// kernels-reference/ and the bare-metal core library is looked for in the image's bytes: in a normal build the
/// ones the image uses lie in flash (read-only data), never in RAM (.data); built with StripErrorStrings, none is
/// in the image at all (the status code, operator name, node and numbers remain).
/// </summary>
[Collection(FirmwareCollection.Name)]
public sealed class MessageTextTests
{
    private const string Board = "nrf52840";

    // KWS registers six operators and loads, verifies and plans a real model: most of core and six kernels.
    private const string Example = "mlperf-kws-int8";

    /// <summary>
    /// Context the interpreter keeps around a message even when the text is stripped, as TFLM's node prefix:
    /// "CONV_2D (subgraph 0, node 3) Prepare: error 1: 16 8".
    /// </summary>
    private static readonly string[] KeptContext = { " (subgraph ", ", node " };

    [FirmwareFact]
    public void MessageTextIsInFlashOnly()
    {
        string elf = FirmwareImages.Build(Board, Example);
        ImageBytes image = ImageBytes.Load(elf);
        List<string> inFlash = new();
        List<string> inRam = new();
        foreach (string message in LibraryMessages())
        {
            byte[] text = Encoding.UTF8.GetBytes(message);
            if (image.Flash.Contains(text)) inFlash.Add(message);
            if (image.Ram.Contains(text)) inRam.Add(message);
        }
        Assert.True(inRam.Count == 0, "message text in RAM (.data):\n" + string.Join("\n", inRam.Take(20)));
        // The image verifies, plans and prepares a model, so it must carry many messages (else the scan is broken).
        Assert.True(inFlash.Count >= 100, $"only {inFlash.Count} library messages found in {elf}: is the scan reading the right bytes?");

        using JsonDocument size = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(elf, ".size.json")));
        Assert.Equal(0, size.RootElement.GetProperty("message_text_in_ram_bytes").GetInt64());
        Assert.True(size.RootElement.GetProperty("message_text_bytes").GetInt64() > 1000);
    }

    [FirmwareFact]
    public void StrippedImageHasNoMessageTextAndStillMatchesTheGoldens()
    {
        string elf = FirmwareImages.Build(Board, Example, stripErrorStrings: true);
        ImageBytes image = ImageBytes.Load(elf);
        // A short library fragment can occur inside the application's own text ("expected " in "unexpected
        // interrupt"); those are not evidence of linked library text.
        string[] application = ApplicationText().ToArray();
        string[] found = LibraryMessages()
            .Where(message => !application.Any(text => text.Contains(message, StringComparison.Ordinal)))
            .Where(message => image.Flash.Contains(Encoding.UTF8.GetBytes(message)) || image.Ram.Contains(Encoding.UTF8.GetBytes(message)))
            .ToArray();
        Assert.True(found.Length == 0, $"{found.Length} messages linked into a StripErrorStrings image:\n" + string.Join("\n", found.Take(30)));

        ProcessResult run = FirmwareImages.Run(Board, elf);
        Assert.True(run.ExitCode == 0, $"{Example} (stripped) on {Board}: {run}");
        string differences = GoldenComparison.Differences(FirmwareReport.Parse(run.Output), "mlperf_kws_int8");
        Assert.True(differences.Length == 0, differences);
    }

    /// <summary>
    /// hello-world makes the interpreter fail twice after its goldens (ModelRunner.ReportErrors): a resolver without the
    /// model's operators, and an arena of 128 bytes. With message text the report says so in words; stripped, it still
    /// gives the status, the missing operator's name and the byte counts (TFLM's TF_LITE_STRIP_ERROR_STRINGS keeps the
    /// status code and the numbers a format string would have printed).
    /// </summary>
    [FirmwareFact]
    public void FailuresReportStatusOperatorNameAndByteCountsWithAndWithoutText()
    {
        const string model = "hello_world_int8";
        foreach (bool strip in new[] { false, true })
        {
            string elf = FirmwareImages.Build(Board, "hello-world", stripErrorStrings: strip);
            ProcessResult run = FirmwareImages.Run(Board, elf);
            Assert.True(run.ExitCode == 0, $"hello-world (strip {strip}) on {Board}: {run}");
            string resolver = ErrorReport(run.Output, model, "resolver");
            string arena = ErrorReport(run.Output, model, "arena");

            Assert.StartsWith($"{(int)Status.UnsupportedOperator}: ", resolver);
            Assert.Contains("FULLY_CONNECTED", resolver, StringComparison.Ordinal);
            Assert.StartsWith($"{(int)Status.ArenaTooSmall}: ", arena);
            long[] numbers = Regex.Matches(arena, "[0-9]+").Select(m => long.Parse(m.Value)).Skip(1).ToArray();
            Assert.True(numbers.Contains(128), $"the arena's size is not reported: {arena}");
            Assert.True(numbers.Any(n => n > 128), $"the bytes needed are not reported: {arena}");
            if (strip)
            {
                Assert.Contains($"error {(int)Status.UnsupportedOperator}:", resolver, StringComparison.Ordinal);
                Assert.Contains($"error {(int)Status.ArenaTooSmall}:", arena, StringComparison.Ordinal);
                Assert.DoesNotContain("lacks", resolver, StringComparison.Ordinal);
                Assert.DoesNotContain("arena too small", arena, StringComparison.Ordinal);
            }
            else
            {
                Assert.Contains("the op resolver lacks operators the model needs", resolver, StringComparison.Ordinal);
                Assert.Contains("arena too small", arena, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>The text after "error_report MODEL WHAT " on the firmware's output.</summary>
    private static string ErrorReport(string output, string model, string what)
    {
        string prefix = $"error_report {model} {what} ";
        string? line = output.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
        Assert.True(line != null, $"no '{prefix}' line in:\n{output}");
        return line!.Substring(prefix.Length);
    }

    [Fact]
    public void TheScanFindsTheLibraryMessages()
    {
        string[] messages = LibraryMessages().ToArray();
        Assert.Contains(messages, m => m.Contains("is outside the buffer", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("Index was outside the bounds", StringComparison.Ordinal));
        Assert.DoesNotContain(messages, m => m == "FULLY_CONNECTED");
    }

    /// <summary>
    /// UTF-8 literals of the library sources that are message text: at least 8 bytes with a space (names such as
    /// "FULLY_CONNECTED" or "schema_version" have none; they are kept, as TFLM keeps operator names).
    /// </summary>
    internal static IEnumerable<string> LibraryMessages()
    {
        HashSet<string> messages = new(StringComparer.Ordinal);
        string[] roots =
        {
            Path.Combine(RepositoryPaths.Root, "core"),
            Path.Combine(RepositoryPaths.Root, "kernels-reference"),
            Path.Combine(RepositoryPaths.Root, "ports", "baremetal", "corelib"),
        };
        Regex literal = new("\"((?:[^\"\\\\]|\\\\.)*)\"u8");
        foreach (string root in roots)
        {
            foreach (string file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
            {
                string relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                if (file.EndsWith(".Host.cs", StringComparison.Ordinal) || relative.StartsWith("bin/", StringComparison.Ordinal)
                    || relative.StartsWith("obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal)
                    || relative.Contains("/obj/", StringComparison.Ordinal))
                {
                    continue;
                }
                foreach (Match match in literal.Matches(File.ReadAllText(file)))
                {
                    string text = Regex.Unescape(match.Groups[1].Value);
                    if (Encoding.UTF8.GetByteCount(text) < 8 || !text.Contains(' ', StringComparison.Ordinal)) continue;
                    if (KeptContext.Contains(text)) continue;
                    messages.Add(text);
                }
            }
        }
        return messages;
    }

    /// <summary>String literals of the firmware's application and board support (C# platform, the example, the C start-up).</summary>
    private static IEnumerable<string> ApplicationText()
    {
        string firmware = Path.Combine(RepositoryPaths.Root, "ports", "baremetal", "firmware");
        Regex literal = new("\"((?:[^\"\\\\]|\\\\.)*)\"");
        IEnumerable<string> files = Directory.EnumerateFiles(Path.Combine(firmware, "platform"), "*.cs")
            .Concat(Directory.EnumerateFiles(Path.Combine(firmware, "examples", Example), "*.cs"))
            .Concat(Directory.EnumerateFiles(Path.Combine(firmware, "native"), "*.c", SearchOption.AllDirectories));
        foreach (string file in files)
        {
            foreach (Match match in literal.Matches(File.ReadAllText(file))) yield return Regex.Unescape(match.Groups[1].Value);
        }
        foreach (string context in KeptContext) yield return context;
    }

    /// <summary>The bytes of an image's flash sections (outside the embedded model files) and of .data.</summary>
    private sealed class ImageBytes
    {
        private ImageBytes(byte[] flash, byte[] ram)
        {
            Flash = flash;
            Ram = ram;
        }

        public byte[] Flash { get; }

        public byte[] Ram { get; }

        public static ImageBytes Load(string elf)
        {
            string directory = Path.GetDirectoryName(elf)!;
            byte[] Section(params string[] names)
            {
                string path = Path.Combine(directory, Path.GetFileNameWithoutExtension(elf) + "." + names[0].TrimStart('.') + ".bin");
                List<string> arguments = new() { "-O", "binary" };
                foreach (string name in names) arguments.AddRange(new[] { "--only-section=" + name });
                arguments.AddRange(new[] { elf, path });
                ProcessResult copy = ExternalProcess.Run("arm-none-eabi-objcopy", arguments, directory, TimeSpan.FromMinutes(1));
                Assert.True(copy.ExitCode == 0, copy.ToString());
                byte[] bytes = File.ReadAllBytes(path);
                File.Delete(path);
                return bytes;
            }
            byte[] text = Section(".text");
            // Blank the embedded files (model and inputs): their bytes are the model's, not the library's.
            ProcessResult symbols = ExternalProcess.Run("arm-none-eabi-nm", new[] { "--defined-only", elf }, directory, TimeSpan.FromMinutes(1));
            long textStart = SectionAddress(elf, ".text");
            Dictionary<string, long> labels = new(StringComparer.Ordinal);
            foreach (string line in symbols.Output.Split('\n'))
            {
                string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length == 3 && Regex.IsMatch(words[2], "^tflm_file_[0-9]+(_end)?$")) labels[words[2]] = Convert.ToInt64(words[0], 16);
            }
            foreach ((string name, long start) in labels)
            {
                if (name.EndsWith("_end", StringComparison.Ordinal) || !labels.TryGetValue(name + "_end", out long end)) continue;
                Array.Clear(text, (int)(start - textStart), (int)(end - start));
            }
            return new ImageBytes(text, Section(".data"));
        }

        private static long SectionAddress(string elf, string name)
        {
            ProcessResult sizes = ExternalProcess.Run("arm-none-eabi-size", new[] { "-A", elf }, Path.GetDirectoryName(elf)!, TimeSpan.FromMinutes(1));
            foreach (string line in sizes.Output.Split('\n'))
            {
                string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length == 3 && words[0] == name) return long.Parse(words[2]);
            }
            throw new InvalidOperationException($"{elf} has no {name}");
        }
    }
}

internal static class ByteSearch
{
    public static bool Contains(this byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
