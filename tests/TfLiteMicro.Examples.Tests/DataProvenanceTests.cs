using System.Collections.Generic;
using System.IO;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Examples.Tests;

/// <summary>
/// The examples carry copies of the test models and sample data so they run on a fresh clone; these must stay
/// byte-identical to the test data (tests/data/models) — and to ../shared/models where that folder exists — so the
/// goldens keep describing them.
/// </summary>
public class DataProvenanceTests
{
    public static IEnumerable<object[]> Copies()
    {
        // example, file in its data folder, file under tests/data/models (and ../shared/models)
        yield return ["hello-world/models", "hello_world_float.tflite", "hello_world_float/model.tflite"];
        yield return ["hello-world/models", "hello_world_int8.tflite", "hello_world_int8/model.tflite"];
        yield return ["person-detection/data", "person_detect.tflite", "person_detect/model.tflite"];
        yield return ["person-detection/data", "person.bmp", "_data/person.bmp"];
        yield return ["person-detection/data", "no_person.bmp", "_data/no_person.bmp"];
        yield return ["micro-speech/data", "audio_preprocessor_int8.tflite", "micro_speech_audio_preprocessor_int8/model.tflite"];
        yield return ["micro-speech/data", "micro_speech_quantized.tflite", "micro_speech_quantized/model.tflite"];
        foreach (string clip in new[] { "yes_1000ms", "no_1000ms", "silence_1000ms", "noise_1000ms", "yes_30ms", "no_30ms" })
            yield return ["micro-speech/data", clip + ".wav", "_data/" + clip + ".wav"];
        foreach (string id in new[] { "mlperf_ad_int8", "mlperf_kws_int8", "mlperf_vww_int8", "mlperf_ic_int8" })
        {
            yield return ["mlperf-tiny/data", id + ".tflite", id + "/model.tflite"];
            yield return ["mlperf-tiny/data", id + "_case0_in0.npy", id + "/case0_in0.npy"];
            yield return ["mlperf-tiny/data", id + "_case0_out0.npy", id + "/case0_out0.npy"];
        }
    }

    [Theory]
    [MemberData(nameof(Copies))]
    public void The_copy_equals_the_shared_file(string folder, string name, string sharedPath)
    {
        string copy = Path.Combine(RepositoryPaths.Root, "examples", folder, name);
        Assert.True(File.Exists(copy), copy + " is missing");
        string testData = Path.Combine(TestData.Models.RepositoryDirectory, sharedPath);
        Assert.Equal(File.ReadAllBytes(testData), File.ReadAllBytes(copy));
        string? original = TestData.SharedFile("models", sharedPath);
        if (original == null) return;   // no ../shared next to this clone: nothing more to compare with
        Assert.Equal(File.ReadAllBytes(original), File.ReadAllBytes(copy));
    }
}
