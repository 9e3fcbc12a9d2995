using Xunit;
using Xunit.Abstractions;

namespace TfLiteMicro.Golden.Tests;

/// <summary>
/// The single-operator models (<see cref="TestData.OpModels"/>: tests/data/ops, plus ../shared/ops/models when present) (one per builtin op × type × option variant, with TFLM
/// goldens): every model whose operator the reference kernels provide must match TFLM on every case.
/// </summary>
public class OperatorModelTests
{
    internal static readonly GoldenModelSet Set = new GoldenModelSet(TestData.OpModels);

    private readonly ITestOutputHelper output;

    public OperatorModelTests(ITestOutputHelper output)
    {
        this.output = output;
    }

    public static TheoryData<string> RunnableModels()
    {
        var data = new TheoryData<string>();
        foreach (string name in Set.Runnable) data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(RunnableModels))]
    public void EveryCaseMatchesTheTflmGolden(string model)
    {
        GoldenCaseRunner.AssertEveryCaseMatches(Set, model, output);
    }

    [Fact]
    public void OperatorModelsThatNeedUnregisteredOperatorsAreListed()
    {
        output.WriteLine(Set.Runnable.Count + " operator models run against goldens");
        output.WriteLine(Set.Skipped.Count + " operator models skipped until their operators are registered:");
        foreach (string skipped in Set.Skipped) output.WriteLine("  " + skipped);
        // Every builtin op model TFLM has goldens for runs with the reference kernels (issue 6's bar).
        Assert.Empty(Set.Skipped);
        Assert.NotEmpty(Set.Runnable);
    }
}
