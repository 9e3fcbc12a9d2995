using System;
using System.Collections.Generic;
using System.IO;
using TfLiteMicro.Examples.MlperfTiny;
using Xunit;

namespace TfLiteMicro.Examples.Tests;

public class MlperfTinyTests
{
    public static IEnumerable<object[]> Benchmarks()
    {
        foreach (MlperfBenchmark benchmark in MlperfBenchmarks.All) yield return [benchmark.Id];
    }

    [Theory]
    [MemberData(nameof(Benchmarks))]
    public void The_output_equals_TFLMs(string id)
    {
        MlperfResult result = MlperfRunner.Run(Find(id));
        Assert.Equal(result.Golden, result.Output);
        Assert.True(result.MatchesGolden);
    }

    [Theory]
    [MemberData(nameof(Benchmarks))]
    public void The_top_result_is_the_golden_outputs(string id)
    {
        MlperfBenchmark benchmark = Find(id);
        MlperfResult result = MlperfRunner.Run(benchmark);
        if (benchmark.Labels == null)
        {
            Assert.Equal(-1, result.TopIndex);
            Assert.Null(result.TopLabel);
            Assert.True(result.AnomalyScore > 0, "a random input cannot be reconstructed exactly");
            return;
        }
        Assert.Equal(benchmark.Labels.Count, result.Golden.Length);
        int expected = 0;
        for (int i = 1; i < result.Golden.Length; i++)
        {
            if (result.Golden[i] > result.Golden[expected]) expected = i;
        }
        Assert.Equal(expected, result.TopIndex);
        Assert.Equal(benchmark.Labels[expected], result.TopLabel);
        Assert.InRange(result.TopProbability, 0f, 1f);
    }

    [Theory]
    [MemberData(nameof(Benchmarks))]
    public void The_model_fits_the_example_arena(string id)
    {
        MlperfBenchmark benchmark = Find(id);
        Assert.InRange(MlperfRunner.Run(benchmark).ArenaUsedBytes, 1, benchmark.ArenaBytes);
    }

    [Fact]
    public void Anomaly_detection_scores_the_reconstruction_error()
    {
        // The score computed here from the golden files: mean squared error of dequantized input and output.
        MlperfResult result = MlperfRunner.Run(MlperfBenchmarks.AnomalyDetection);
        string data = Path.Combine(ExampleData.Folder("mlperf-tiny"), "mlperf_ad_int8_case0_in0.npy");
        NpyFile input = NpyFile.Parse(File.ReadAllBytes(data));
        const float inputScale = 0.391015f, outputScale = 0.364498f;
        const int inputZeroPoint = 89, outputZeroPoint = 96;
        double sum = 0;
        for (int i = 0; i < input.Data.Length; i++)
        {
            double x = ((sbyte)input.Data[i] - inputZeroPoint) * inputScale;
            double y = (result.Golden[i] - outputZeroPoint) * outputScale;
            sum += (x - y) * (x - y);
        }
        Assert.Equal(sum / input.Data.Length, result.AnomalyScore, 0.01);
    }

    [Fact]
    public void The_program_runs_and_rejects_unknown_benchmarks()
    {
        Assert.Equal(0, Program.Main(["ad"]));
        Assert.Equal(1, Program.Main(["nonsense"]));
    }

    private static MlperfBenchmark Find(string id) =>
        MlperfBenchmarks.Find(id) ?? throw new InvalidOperationException("no benchmark " + id);
}
