using System;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.ControlFlow;

/// <summary>CALL_ONCE: the init subgraph runs on the first Invoke only — also after Reset, as in TFLM.</summary>
public class CallOnceTests
{
    private static readonly float[] Initial = { 0f, 0.5f, 1f, 1.5f, 2f, 2.5f };

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void InitRunsOnceThenTheVariableAccumulates(string implementation)
    {
        using ModelHarness harness = new ModelHarness(implementation, ControlFlowModels.CallOnceAccumulator(Initial)).Allocated();
        float[] sum = (float[])Initial.Clone();
        float[][] inputs =
        {
            new[] { 1f, -2f, 0.25f, 3f, -0.5f, 8f },
            new[] { -4f, 1.5f, 2f, 0f, 0.75f, -1f },
            new[] { 0.5f, 0.5f, -3f, 2.25f, 1f, 6f },
        };
        foreach (float[] x in inputs)
        {
            harness.SetInput(0, x);
            harness.Invoke();
            for (int i = 0; i < 6; i++) sum[i] += x[i];
            Assert.Equal(sum, harness.Output<float>(0));
        }
    }

    [Fact]
    public void ResetClearsTheVariableButDoesNotRunInitAgain()
    {
        using ModelHarness harness = new ModelHarness(KernelImplementations.Reference, ControlFlowModels.CallOnceAccumulator(Initial)).Allocated();
        float[] x = { 1f, 2f, 3f, 4f, 5f, 6f };
        harness.SetInput(0, x);
        harness.Invoke();
        float[] expected = new float[6];
        for (int i = 0; i < 6; i++) expected[i] = Initial[i] + x[i];
        Assert.Equal(expected, harness.Output<float>(0));

        Assert.Equal(Status.Ok, harness.Interpreter.Reset());
        harness.SetInput(0, x);
        harness.Invoke();
        Assert.Equal(x, harness.Output<float>(0));
        harness.Invoke();
        for (int i = 0; i < 6; i++) expected[i] = x[i] + x[i];
        Assert.Equal(expected, harness.Output<float>(0));
    }

    [Fact]
    public void RejectsInputsAndBadSubgraphIndices()
    {
        using (ModelHarness harness = new ModelHarness(KernelImplementations.Reference, ControlFlowModels.CallOnceAccumulator(Initial, callOnceTakesInput: true)))
        {
            Assert.NotEqual(Status.Ok, harness.Interpreter.AllocateTensors());
            Assert.Equal("CALL_ONCE (subgraph 0, node 0) Prepare: CALL_ONCE takes no inputs and no outputs, got 1 inputs and 0 outputs", harness.Message);
        }
        var error = Assert.Throws<System.IO.InvalidDataException>(() =>
            new ModelHarness(KernelImplementations.Reference, ControlFlowModels.CallOnceAccumulator(Initial, initSubgraph: 2)));
        Assert.Contains("init_subgraph_index 2 out of range", error.Message);
    }
}
