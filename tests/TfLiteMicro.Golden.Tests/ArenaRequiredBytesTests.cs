using System;
using System.Collections.Generic;
using TfLiteMicro.Memory;
using TfLiteMicro.Ports;
using TfLiteMicro.Testing;
using TfLiteMicro.Tools.Models;
using TfLiteMicro.Npy;
using TfLiteMicro.Tools.Running;
using Xunit;
using Xunit.Abstractions;

namespace TfLiteMicro.Golden.Tests;

/// <summary>
/// <c>MicroInterpreter.ArenaRequiredBytes</c> is exact for every shared model and kernel set: an arena of that many
/// bytes allocates and reproduces TFLM's golden, one byte less fails with "arena too small" and names exactly that
/// many bytes (the figure is a lower bound of what works, and more than the arena had).
/// </summary>
public unsafe class ArenaRequiredBytesTests
{
    private readonly ITestOutputHelper output;

    public ArenaRequiredBytesTests(ITestOutputHelper output)
    {
        this.output = output;
    }

    public static TheoryData<string, string> ModelsAndKernelSets()
    {
        var data = new TheoryData<string, string>();
        foreach (string name in GoldenModels.Runnable)
        {
            foreach (string kernels in KernelSets.Names) data.Add(name, kernels);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ModelsAndKernelSets))]
    public void WorksAtTheRequiredBytesAndFailsOneByteBelow(string model, string kernels)
    {
        string path = GoldenModels.ModelPath(model);
        int required;
        using (ModelRunner generous = ModelRunner.Open(path, kernels: kernels)) required = generous.Interpreter.ArenaRequiredBytes;
        output.WriteLine(model + " [" + kernels + "]: ArenaRequiredBytes " + required);

        using (ModelRunner exact = ModelRunner.Open(path, required, kernels: kernels))
        {
            GoldenCase golden = GoldenModels.Cases(model)[0];
            var inputs = new List<NpyArray>();
            foreach (string input in golden.Inputs) inputs.Add(NpyReader.ReadFile(input));
            exact.SetInputs(inputs);
            exact.Invoke();
            for (int j = 0; j < golden.Outputs.Count; j++)
            {
                string? mismatch = GoldenComparison.Describe(NpyReader.ReadFile(golden.Outputs[j]), exact.ReadOutput(j));
                Assert.True(mismatch == null, model + " in an arena of " + required + " bytes: output " + j + ": " + mismatch);
            }
        }

        using ModelFile file = ModelFile.Load(path);
        using var small = new NativeArena(required - 1);
        var interpreter = new MicroInterpreter(file.Model, TestKernelSets.CreateResolver(kernels), small.Pointer, small.Size);
        Assert.Equal(Status.ArenaTooSmall, interpreter.AllocateTensors());
        string message = interpreter.Errors.MessageText;
        output.WriteLine("  at " + (required - 1) + ": " + message);
        Assert.Contains("at least " + required + " bytes but has " + (required - 1), message);
    }
}
