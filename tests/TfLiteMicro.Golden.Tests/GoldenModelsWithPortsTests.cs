using System.Collections.Generic;
using TfLiteMicro.Ports;
using TfLiteMicro.Testing;
using TfLiteMicro.Npy;
using TfLiteMicro.Tools.Running;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace TfLiteMicro.Golden.Tests;

/// <summary>
/// Every runnable shared model, every case, with each port's kernel set (<c>tflm run --kernels NAME</c>), against
/// the TFLM goldens with the same comparison as the reference run. A port must be bit-exact with the reference
/// kernels, so it must meet exactly the goldens the reference meets.
/// </summary>
public class GoldenModelsWithPortsTests
{

    private readonly ITestOutputHelper output;

    public GoldenModelsWithPortsTests(ITestOutputHelper output)
    {
        this.output = output;
    }

    public static TheoryData<string, string> PortModels()
    {
        var data = new TheoryData<string, string>();
        // Every kernel set of ports/kernel-sets except the reference (which GoldenModelTests covers).
        foreach (KernelSet port in KernelSets.Ports)
        {
            foreach (string model in GoldenModels.Runnable) data.Add(port.Name, model);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(PortModels))]
    public void EveryCaseMatchesTheTflmGoldenWithPort(string kernels, string model)
    {
        IReadOnlyList<GoldenCase> cases = GoldenModels.Cases(model);
        Assert.NotEmpty(cases);
        var failures = new List<string>();
        foreach (GoldenCase golden in cases)
        {
            var inputs = new List<NpyArray>();
            foreach (string path in golden.Inputs) inputs.Add(NpyReader.ReadFile(path));
            using ModelRunner runner = ModelRunner.Open(GoldenModels.ModelPath(model), TestKernelSets.CreateResolver(kernels));
            runner.SetInputs(inputs);
            runner.Invoke();
            Assert.Equal(golden.Outputs.Count, runner.OutputCount);
            for (int j = 0; j < golden.Outputs.Count; j++)
            {
                string? mismatch = GoldenComparison.Describe(NpyReader.ReadFile(golden.Outputs[j]), runner.ReadOutput(j));
                if (mismatch != null) failures.Add("case" + golden.Index + "_out" + j + ": " + mismatch);
            }
        }
        output.WriteLine(model + " with " + kernels + ": " + cases.Count + " cases, " + failures.Count + " mismatches");
        Assert.True(failures.Count == 0, model + " with " + kernels + " differs from TFLM:\n" + string.Join("\n", failures));
    }

    /// <summary>
    /// A port added to ports/kernel-sets is run by the theory above: proved with a deliberately broken set, which
    /// must fail it.
    /// </summary>
    [Fact]
    public void ABrokenPortFailsTheGoldenTest()
    {
        using (TestKernelSets.Substitute(CorruptingPort.Set))
        {
            Assert.ThrowsAny<XunitException>(() => EveryCaseMatchesTheTflmGoldenWithPort(CorruptingPort.Name, "hello_world_int8"));
        }
    }
}
