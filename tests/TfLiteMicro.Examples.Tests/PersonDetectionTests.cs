using System;
using System.IO;
using System.Runtime.InteropServices;
using TfLiteMicro.Examples.MlperfTiny;
using TfLiteMicro.Examples.PersonDetection;
using Xunit;

namespace TfLiteMicro.Examples.Tests;

public class PersonDetectionTests
{
    private static BmpImage Image(string name) => TfLiteMicro.Examples.PersonDetection.Program.TflmTestImage(name);

    [Fact]
    public void The_person_image_shows_a_person()
    {
        using PersonDetector detector = PersonDetector.Open();
        Detection detection = detector.Detect(Image("person.bmp"));
        Assert.True(detection.IsPerson, detection.ToString());
        Assert.True(detection.PersonScore > detection.NoPersonScore);
    }

    [Fact]
    public void The_no_person_image_shows_no_person()
    {
        using PersonDetector detector = PersonDetector.Open();
        Detection detection = detector.Detect(Image("no_person.bmp"));
        Assert.False(detection.IsPerson, detection.ToString());
        Assert.True(detection.NoPersonScore > detection.PersonScore);
    }

    /// <summary>TFLM's test copies the bitmap's bytes straight into the int8 input; the example must feed the same.</summary>
    [Theory]
    [InlineData("person.bmp")]
    [InlineData("no_person.bmp")]
    public void The_test_images_are_fed_as_TFLM_feeds_them(string name)
    {
        byte[] file = File.ReadAllBytes(Path.Combine(ExampleData.Folder("person-detection"), name));
        int pixelOffset = BitConverter.ToInt32(file, 10);
        sbyte[] tflmInput = new sbyte[96 * 96];
        for (int row = 0; row < 96; row++)
        {
            // PIL (TFLM's generate_cc_arrays.py) emits rows top first; the file stores them bottom first.
            MemoryMarshal.Cast<byte, sbyte>(file.AsSpan(pixelOffset + (95 - row) * 96, 96)).CopyTo(tflmInput.AsSpan(row * 96));
        }
        using PersonDetector detector = PersonDetector.Open();
        Detection expected = detector.Detect(tflmInput);
        Detection actual = detector.Detect(Image(name));
        Assert.Equal(expected.PersonScore, actual.PersonScore);
        Assert.Equal(expected.NoPersonScore, actual.NoPersonScore);
    }

    [Fact]
    public void The_scores_equal_TFLMs_on_the_golden_cases()
    {
        using PersonDetector detector = PersonDetector.Open();
        foreach ((NpyFile input, NpyFile output) in SharedGoldens.Cases("person_detect"))
        {
            Detection detection = detector.Detect(MemoryMarshal.Cast<byte, sbyte>(input.Data));
            Assert.Equal((sbyte)output.Data[PersonDetector.NoPersonIndex], detection.NoPersonScore);
            Assert.Equal((sbyte)output.Data[PersonDetector.PersonIndex], detection.PersonScore);
        }
    }

    [Fact]
    public void Bitmaps_are_read_top_row_first()
    {
        byte[] file = File.ReadAllBytes(Path.Combine(ExampleData.Folder("person-detection"), "person.bmp"));
        BmpImage image = BmpImage.Parse(file);
        Assert.Equal(96, image.Width);
        Assert.Equal(96, image.Height);
        // The test images are bottom-up 8-bit files with a gray palette: the top row is the last one stored.
        int pixelOffset = BitConverter.ToInt32(file, 10);
        Assert.Equal(file.AsSpan(pixelOffset + 95 * 96, 96).ToArray(), image.Pixels.AsSpan(0, 96).ToArray());
        Assert.Equal(file.AsSpan(pixelOffset, 96).ToArray(), image.Pixels.AsSpan(95 * 96, 96).ToArray());
    }

    [Fact]
    public void A_truncated_bitmap_is_rejected()
    {
        byte[] file = File.ReadAllBytes(Path.Combine(ExampleData.Folder("person-detection"), "person.bmp"));
        Assert.Throws<FormatException>(() => BmpImage.Parse(file.AsSpan(0, 2000)));
        Assert.Throws<FormatException>(() => BmpImage.Parse(new byte[60]));
    }

    [Fact]
    public void The_model_fits_the_example_arena()
    {
        using PersonDetector detector = PersonDetector.Open();
        Assert.InRange(detector.ArenaUsedBytes, 1, PersonDetector.ArenaBytes);
    }

    [Fact]
    public void The_program_runs()
    {
        Assert.Equal(0, TfLiteMicro.Examples.PersonDetection.Program.Main([]));
    }
}
