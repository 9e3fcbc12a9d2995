using System;
using TfLiteMicro.Schema;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.ControlFlow;

/// <summary>WHILE: loop counts from zero up, state carried through the body, and the Prepare checks.</summary>
public class WhileTests
{
    public static TheoryData<string, int> Starts()
    {
        var data = new TheoryData<string, int>();
        foreach (object[] implementation in KernelImplementations.All())
        {
            foreach (int start in new[] { -2, 0, 3, 4, 5, 9 }) data.Add((string)implementation[0], start);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Starts))]
    public void LoopsWhileTheConditionHolds(string implementation, int start)
    {
        using ModelHarness harness = new ModelHarness(implementation, ControlFlowModels.WhileCounter(limit: 5)).Allocated();
        float[] x = { -1.5f, 0.3f, 2.75f };
        harness.SetInput(0, start);
        harness.SetInput(1, x);
        harness.Invoke();

        // The loop written out in C#: the body's MUL then ADD, each rounded to float32 as the kernels do.
        int i = start;
        float[] expected = (float[])x.Clone();
        while (i < 5)
        {
            i += 1;
            for (int k = 0; k < 3; k++)
            {
                float scaled = expected[k] * 1.5f;
                expected[k] = scaled + 0.25f;
            }
        }
        Assert.Equal(new[] { i }, harness.Output<int>(0));
        Assert.Equal(expected, harness.Output<float>(1));
    }

    [Fact]
    public void RunsAgainFromTheNewInputsOnEveryInvoke()
    {
        using ModelHarness harness = new ModelHarness(KernelImplementations.Reference, ControlFlowModels.WhileCounter(limit: 3)).Allocated();
        for (int run = 0; run < 3; run++)
        {
            harness.SetInput(0, 1);
            harness.SetInput(1, 1f, 2f, 4f);
            harness.Invoke();
            Assert.Equal(new[] { 3 }, harness.Output<int>(0));
            // Two iterations: x → 1.5x + 0.25 → 2.25x + 0.625 (exact in float for these values).
            Assert.Equal(new[] { 2.875f, 5.125f, 9.625f }, harness.Output<float>(1));
        }
    }

    public static TheoryData<string, byte[], string> RejectedModels() => new TheoryData<string, byte[], string>
    {
        { "condition output type", ControlFlowModels.WhileCounter(conditionOutputsCounter: true), "condition subgraph output tensor 0 has type INT32, expected BOOL" },
        { "body signature", ControlFlowModels.WhileCounter(bodyDropsX: true), "body subgraph 2 has 2 inputs and 1 outputs, the node passes 2 and expects 2" },
        { "node outputs", ControlFlowModels.WhileCounter(nodeDropsSecondOutput: true), "WHILE has 2 inputs but 1 outputs; they must match" },
        { "body input type", ControlFlowModels.WhileCounter(bodyXType: TensorType.Int32), "node output (tensor 3) has type FLOAT32 but body input (tensor 1) has type INT32" },
    };

    [Theory]
    [MemberData(nameof(RejectedModels))]
    public void PrepareRejectsInconsistentModels(string what, byte[] model, string message)
    {
        using ModelHarness harness = new ModelHarness(KernelImplementations.Reference, model);
        Assert.NotEqual(Status.Ok, harness.Interpreter.AllocateTensors());
        Assert.StartsWith("WHILE (subgraph 0, node 0) Prepare: ", harness.Message);
        Assert.True(harness.Message.Contains(message, StringComparison.Ordinal), what + ": " + harness.Message);
    }
}
