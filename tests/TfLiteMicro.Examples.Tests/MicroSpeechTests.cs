using System;
using System.IO;
using System.Runtime.InteropServices;
using TfLiteMicro.Examples.MicroSpeech;
using TfLiteMicro.Examples.MlperfTiny;
using Xunit;

namespace TfLiteMicro.Examples.Tests;

public class MicroSpeechTests
{
    private static short[] Clip(string name)
    {
        WavFile wav = WavFile.Parse(File.ReadAllBytes(Path.Combine(ExampleData.Folder("micro-speech"), name)));
        Assert.Equal(16000, wav.SampleRate);
        return wav.Samples;
    }

    /// <summary>TFLM's micro_speech test: the noise clip must come out as silence too.</summary>
    [Theory]
    [InlineData("yes_1000ms.wav", "yes")]
    [InlineData("no_1000ms.wav", "no")]
    [InlineData("silence_1000ms.wav", "silence")]
    [InlineData("noise_1000ms.wav", "silence")]
    public void Each_clip_gets_TFLMs_label(string clip, string expected)
    {
        using MicroSpeechPipeline speech = MicroSpeechPipeline.Open();
        Recognition recognition = speech.Recognize(Clip(clip));
        Assert.True(expected == recognition.Label, clip + ": " + recognition);
    }

    /// <summary>The first feature slice of TFLM's 30 ms clips, as TFLM's micro_speech test expects them.</summary>
    [Theory]
    [InlineData("yes_30ms.wav", new sbyte[] {
        124, 105, 126, 103, 125, 101, 123, 100, 116, 98, 115, 97, 113, 90, 91, 82, 104, 96, 117, 97,
        121, 103, 126, 101, 125, 104, 126, 104, 125, 101, 116, 90, 81, 74, 80, 71, 83, 76, 82, 71 })]
    [InlineData("no_30ms.wav", new sbyte[] {
        126, 103, 124, 102, 124, 102, 123, 100, 118, 97, 118, 100, 118, 98, 121, 100, 121, 98, 117, 91,
        96, 74, 54, 87, 100, 87, 109, 92, 91, 80, 64, 55, 83, 74, 74, 78, 114, 95, 101, 81 })]
    public void The_features_of_a_30ms_clip_equal_TFLMs(string clip, sbyte[] expected)
    {
        using FeatureGenerator generator = FeatureGenerator.Open();
        sbyte[] features = generator.Generate(Clip(clip));
        Assert.Equal(expected, features.AsSpan(0, FeatureGenerator.FeatureSize).ToArray());
    }

    [Fact]
    public void One_second_gives_49_slices_and_every_clip_starts_from_a_fresh_state()
    {
        using FeatureGenerator generator = FeatureGenerator.Open();
        short[] yes = Clip("yes_1000ms.wav");
        sbyte[] first = generator.Generate(yes);
        generator.Generate(Clip("noise_1000ms.wav"));
        sbyte[] again = generator.Generate(yes);
        Assert.Equal(first, again);
        // (16000 - 480) / 320 + 1 = 49 windows: the last slice is filled, not left zero.
        Assert.Equal(FeatureGenerator.FeatureCount * FeatureGenerator.FeatureSize, first.Length);
        Assert.Contains(first.AsSpan(48 * 40, 40).ToArray(), value => value != 0);
    }

    [Fact]
    public void The_preprocessor_equals_TFLM_on_the_golden_cases()
    {
        using FeatureGenerator generator = FeatureGenerator.Open();
        foreach ((NpyFile input, NpyFile output) in SharedGoldens.Cases("micro_speech_audio_preprocessor_int8"))
        {
            sbyte[] features = generator.Generate(MemoryMarshal.Cast<byte, short>(input.Data));
            Assert.Equal(MemoryMarshal.Cast<byte, sbyte>(output.Data).ToArray(), features.AsSpan(0, FeatureGenerator.FeatureSize).ToArray());
        }
    }

    [Fact]
    public void The_speech_model_equals_TFLM_on_the_golden_cases()
    {
        using SpeechRecognizer recognizer = SpeechRecognizer.Open();
        foreach ((NpyFile input, NpyFile output) in SharedGoldens.Cases("micro_speech_quantized"))
        {
            Recognition recognition = recognizer.Recognize(MemoryMarshal.Cast<byte, sbyte>(input.Data));
            Assert.Equal(MemoryMarshal.Cast<byte, sbyte>(output.Data).ToArray(), recognition.Scores);
        }
    }

    [Fact]
    public void Wav_files_other_than_16_bit_mono_are_rejected()
    {
        byte[] file = File.ReadAllBytes(Path.Combine(ExampleData.Folder("micro-speech"), "yes_30ms.wav"));
        byte[] stereo = (byte[])file.Clone();
        stereo[22] = 2;   // fmt chunk: channel count
        Assert.Throws<FormatException>(() => WavFile.Parse(stereo));
        Assert.Throws<FormatException>(() => WavFile.Parse(file.AsSpan(0, 40)));
        Assert.Equal(480, WavFile.Parse(file).Samples.Length);
    }

    [Fact]
    public void Both_models_fit_the_example_arenas()
    {
        using MicroSpeechPipeline speech = MicroSpeechPipeline.Open();
        Assert.InRange(speech.Features.ArenaUsedBytes, 1, FeatureGenerator.ArenaBytes);
        Assert.InRange(speech.Recognizer.ArenaUsedBytes, 1, SpeechRecognizer.ArenaBytes);
    }

    [Fact]
    public void The_program_runs()
    {
        Assert.Equal(0, TfLiteMicro.Examples.MicroSpeech.Program.Main([]));
    }
}
