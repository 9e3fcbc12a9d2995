using System.Collections.Generic;
using TfLiteMicro.Npy;
using TfLiteMicro.Tools.Running;
using Xunit;
using Xunit.Abstractions;

namespace TfLiteMicro.Golden.Tests;

/// <summary>
/// Runs every case of every shared model whose operators the reference kernels provide, through the same
/// <see cref="ModelRunner"/> path as <c>tflm run</c>, and compares each output with what TFLM produced.
/// Models that need unregistered operators are listed by <see cref="ModelsThatNeedUnregisteredOperatorsAreListed"/>.
/// </summary>
public class GoldenModelTests
{
    private readonly ITestOutputHelper output;

    public GoldenModelTests(ITestOutputHelper output)
    {
        this.output = output;
    }

    public static TheoryData<string> RunnableModels()
    {
        var data = new TheoryData<string>();
        foreach (string name in GoldenModels.Runnable) data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(RunnableModels))]
    public void EveryCaseMatchesTheTflmGolden(string model)
    {
        GoldenCaseRunner.AssertEveryCaseMatches(GoldenModels.Set, model, output);
    }

    [Fact]
    public void RunnableModelsIncludeHelloWorld()
    {
        Assert.NotEmpty(GoldenModels.Runnable);
        Assert.Contains("hello_world_float", GoldenModels.Runnable);
        Assert.Contains("hello_world_int8", GoldenModels.Runnable);
    }

    [Fact]
    public void ModelsThatNeedUnregisteredOperatorsAreListed()
    {
        output.WriteLine(GoldenModels.Runnable.Count + " models run against goldens: " + string.Join(", ", GoldenModels.Runnable));
        output.WriteLine(GoldenModels.Skipped.Count + " models skipped until their operators are registered:");
        foreach (string skipped in GoldenModels.Skipped) output.WriteLine("  " + skipped);
        Assert.Equal(GoldenModels.Runnable.Count + GoldenModels.Skipped.Count, GoldenModels.Set.WithGoldens().Count);
        // Every whole-network model with goldens must run with the reference kernels (issue 3's bar).
        Assert.Empty(GoldenModels.Skipped);
    }
}
