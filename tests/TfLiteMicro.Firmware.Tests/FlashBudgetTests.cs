using System.IO;
using System.Text.Json;
using Xunit;

namespace TfLiteMicro.Firmware.Tests;

/// <summary>
/// Flash budgets of the nRF52840 images (sizes are deterministic): the flash outside the embedded model and inputs
/// may not grow past the figure recorded in docs/boards.md by more than a few percent without the budget (and that
/// table, <c>dotnet cake --board=nrf52840 --target=SizeReport</c>) being updated on purpose. TFLM's figure for the
/// same model is in the message: closing that gap is the goal (docs/boards.md says where the rest comes from).
/// </summary>
[Collection(FirmwareCollection.Name)]
public sealed class FlashBudgetTests
{
    private const string Board = "nrf52840";

    // The reference kernels' four-output-channel conv/FC/depthwise loops (issue 11: 0.43-0.61x TFLM's instructions)
    // cost 8-12 KB over the images measured before them (AD 81,924 -> 89,896, KWS 124,250 -> 136,746, C API
    // hello_world 80,989 -> 88,865): a speed-for-flash trade made on purpose, still to be won back (docs/boards.md).
    [FirmwareTheory]
    [InlineData("hello-world", 91_500, 0)]
    [InlineData("mlperf-ad-int8", 92_500, 39_532)]
    [InlineData("mlperf-kws-int8", 140_500, 63_784)]
    [InlineData("c-api-firmware", 91_500, 0)]
    public void FlashOutsideTheModelStaysWithinBudget(string example, long budget, long tflm)
    {
        long outside = FlashOutsideModel(example);
        string versus = tflm > 0 ? $" (TFLM: {tflm}, {(double)outside / tflm:0.00}x)" : "";
        Assert.True(outside <= budget, $"{example}: {outside} bytes of flash outside the model{versus}, budget {budget}");
    }

    /// <summary>hello_world through the C API (the C library built for its operator) is at most twice the C# image.</summary>
    [FirmwareFact]
    public void HelloWorldThroughTheCApiIsAtMostTwiceTheCSharpImage()
    {
        using JsonDocument c = Size("c-api-firmware");
        using JsonDocument csharp = Size("hello-world");
        long cFlash = c.RootElement.GetProperty("flash_bytes").GetInt64();
        long csharpFlash = csharp.RootElement.GetProperty("flash_bytes").GetInt64();
        Assert.True(cFlash <= 2 * csharpFlash, $"C API hello_world {cFlash} bytes of flash, C# hello-world {csharpFlash}");
    }

    private static long FlashOutsideModel(string example)
    {
        using JsonDocument size = Size(example);
        return size.RootElement.GetProperty("flash_outside_model_bytes").GetInt64();
    }

    private static JsonDocument Size(string example)
    {
        // The budgets are TFLM's reference-kernel images, so these are the reference kernels too (the board's default
        // is the cmsis-nn port).
        string elf = FirmwareImages.Build(Board, example, "reference");
        return JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(elf, ".size.json")));
    }
}
