using System;
using System.Collections.Generic;
using System.IO;
using TfLiteMicro.Npy;
using TfLiteMicro.Tools.Running;
using Xunit;

namespace TfLiteMicro.Tools.Tests.Compression;

internal static class CompressionTestSupport
{
    /// <summary>The model's case-0 inputs from the shared golden data.</summary>
    public static IReadOnlyList<NpyArray> CaseInputs(string model)
    {
        var inputs = new List<NpyArray>();
        for (int i = 0; File.Exists(Path.Combine(TestData.ModelFolder(model), "case0_in" + i + ".npy")); i++)
        {
            inputs.Add(NpyReader.ReadFile(TestData.Models.File(model, "case0_in" + i + ".npy")));
        }
        return inputs;
    }

    /// <summary>Runs <paramref name="modelBytes"/> once on <paramref name="inputs"/>; returns the output bytes and the compressed tensor count.</summary>
    public static (List<byte[]> Outputs, int CompressedTensors) Run(byte[] modelBytes, IReadOnlyList<NpyArray> inputs, string kernels = "reference")
    {
        using var directory = new TempDirectory();
        string path = directory.File("model.tflite");
        File.WriteAllBytes(path, modelBytes);
        using ModelRunner runner = ModelRunner.Open(path, kernels: kernels);
        runner.SetInputs(inputs);
        runner.Invoke();
        var outputs = new List<byte[]>();
        foreach (NpyArray output in runner.ReadOutputs()) outputs.Add(output.Data);
        return (outputs, runner.Interpreter.CompressedTensorCount);
    }

    public static void AssertSameOutputs(List<byte[]> expected, List<byte[]> actual, string what)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++) Assert.True(expected[i].AsSpan().SequenceEqual(actual[i]), what + ": output " + i + " differs");
    }
}
