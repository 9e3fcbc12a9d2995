using System;
using System.IO;

namespace TfLiteMicro.Examples.PersonDetection;

/// <summary>
/// TFLM's person_detection: decides whether a 96×96 grayscale image shows a person. Without arguments it runs
/// the two test images TFLM ships (person.bmp, no_person.bmp); otherwise it reads the BMP files given (ordinary
/// 96×96 bitmaps: 8-bit gray or 24/32-bit color).
/// Usage: person-detection [IMAGE.bmp ...]
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        try
        {
            using PersonDetector detector = PersonDetector.Open();
            Console.WriteLine("person_detect.tflite (arena used: " + detector.ArenaUsedBytes + " of " + PersonDetector.ArenaBytes + " bytes)");
            if (args.Length == 0)
            {
                Report(detector, "person.bmp", TflmTestImage("person.bmp"));
                Report(detector, "no_person.bmp", TflmTestImage("no_person.bmp"));
            }
            foreach (string path in args) Report(detector, path, BmpImage.Parse(File.ReadAllBytes(path)));
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException or IOException)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }

    /// <summary>TFLM's test images hold int8 values (gray - 128) in their bytes; see <see cref="BmpImage.WithTopBitFlipped"/>.</summary>
    public static BmpImage TflmTestImage(string name) => BmpImage.Parse(EmbeddedData.Read(name)).WithTopBitFlipped();

    private static void Report(PersonDetector detector, string name, BmpImage image) =>
        Console.WriteLine("  " + name + ": " + detector.Detect(image));
}
