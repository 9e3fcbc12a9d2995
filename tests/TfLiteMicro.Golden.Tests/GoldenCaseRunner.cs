using System.Collections.Generic;
using TfLiteMicro.Npy;
using TfLiteMicro.Tools.Running;
using Xunit;
using Xunit.Abstractions;

namespace TfLiteMicro.Golden.Tests;

/// <summary>
/// Runs every case of one golden model folder through the same <see cref="ModelRunner"/> path as <c>tflm run</c> and
/// compares each output with what TFLM produced (integers exact, float32 within the shared tolerance).
/// </summary>
internal static class GoldenCaseRunner
{
    public static void AssertEveryCaseMatches(GoldenModelSet set, string model, ITestOutputHelper output)
    {
        IReadOnlyList<GoldenCase> cases = set.Cases(model);
        Assert.NotEmpty(cases);
        var failures = new List<string>();
        // "<model>_reset_seq" goldens come from ONE interpreter with Reset() before each case (tests/data/ops/README.md):
        // they record what survives Reset (CALL_ONCE's init does not run again), so they need one runner throughout.
        using ModelRunner? sharedRunner = model.EndsWith("_reset_seq", System.StringComparison.Ordinal) ? ModelRunner.Open(set.ModelPath(model)) : null;
        foreach (GoldenCase golden in cases)
        {
            int failuresBefore = failures.Count;
            Assert.NotEmpty(golden.Outputs);
            var inputs = new List<NpyArray>();
            foreach (string path in golden.Inputs) inputs.Add(NpyReader.ReadFile(path));

            // Otherwise a fresh runner per case: each TFLM golden starts from a freshly reset interpreter.
            using ModelRunner? ownRunner = sharedRunner == null ? ModelRunner.Open(set.ModelPath(model)) : null;
            ModelRunner runner = sharedRunner ?? ownRunner!;
            if (sharedRunner != null) runner.Reset();
            runner.SetInputs(inputs);
            runner.Invoke();

            Assert.Equal(golden.Outputs.Count, runner.OutputCount);
            for (int j = 0; j < golden.Outputs.Count; j++)
            {
                string? mismatch = GoldenComparison.Describe(NpyReader.ReadFile(golden.Outputs[j]), runner.ReadOutput(j));
                if (mismatch != null) failures.Add("case" + golden.Index + "_out" + j + ": " + mismatch);
            }
            output.WriteLine("case" + golden.Index + ": " + (failures.Count == failuresBefore ? "ok" : "MISMATCH") + ", arena used " + runner.ArenaUsedBytes + " bytes");
        }
        Assert.True(failures.Count == 0, model + " differs from TFLM:\n" + string.Join("\n", failures));
    }
}
