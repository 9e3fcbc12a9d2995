using System;
using System.IO;

namespace TfLiteMicro.Examples.MicroSpeech;

/// <summary>
/// TFLM's micro_speech: an audio-preprocessor model turns one second of 16 kHz speech into 49 × 40 features and
/// the micro_speech model labels them silence, unknown, "yes" or "no". Without arguments it runs the four clips
/// TFLM's test uses (yes, no, silence, noise); otherwise the WAV files given (16-bit PCM mono, 16 kHz).
/// Usage: micro-speech [CLIP.wav ...]
/// </summary>
public static class Program
{
    private static readonly string[] BundledClips = ["yes_1000ms.wav", "no_1000ms.wav", "silence_1000ms.wav", "noise_1000ms.wav"];

    public static int Main(string[] args)
    {
        try
        {
            using MicroSpeechPipeline speech = MicroSpeechPipeline.Open();
            Console.WriteLine("audio_preprocessor_int8.tflite (arena used: " + speech.Features.ArenaUsedBytes + " of " + FeatureGenerator.ArenaBytes + " bytes)");
            Console.WriteLine("micro_speech_quantized.tflite (arena used: " + speech.Recognizer.ArenaUsedBytes + " of " + SpeechRecognizer.ArenaBytes + " bytes)");
            if (args.Length == 0)
            {
                foreach (string clip in BundledClips) Report(speech, clip, WavFile.Parse(EmbeddedData.Read(clip)));
            }
            foreach (string path in args) Report(speech, path, WavFile.Parse(File.ReadAllBytes(path)));
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException or IOException)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }

    private static void Report(MicroSpeechPipeline speech, string name, WavFile clip)
    {
        if (clip.SampleRate != FeatureGenerator.SampleRate)
            throw new FormatException(name + ": need " + FeatureGenerator.SampleRate + " Hz audio, got " + clip.SampleRate + " Hz");
        Console.WriteLine("  " + name + ": " + speech.Recognize(clip.Samples));
    }
}
