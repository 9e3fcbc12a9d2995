using System;
using TfLiteMicro.Schema;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.ControlFlow;

/// <summary>IF: branch choice, data in and out of the branch, repeated runs, and the Prepare checks.</summary>
public class IfTests
{
    private static float[] Values(int count, float scale, float offset)
    {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) values[i] = i * scale + offset;
        return values;
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RunsThenOrElseOnEveryInvoke(string implementation)
    {
        using ModelHarness harness = new ModelHarness(implementation, ControlFlowModels.IfAddElseMul(new[] { 2, 3 })).Allocated();
        float[] a = Values(6, 0.75f, -2f);
        float[] b = Values(6, -1.25f, 3.5f);
        bool[] conditions = { true, false, false, true };
        foreach (bool condition in conditions)
        {
            harness.SetInput(0, condition);
            harness.SetInput(1, a);
            harness.SetInput(2, b);
            harness.Invoke();
            float[] output = harness.Output<float>(0);
            for (int i = 0; i < 6; i++) Assert.Equal(condition ? a[i] + b[i] : a[i] * b[i], output[i]);
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void ScalarConditionAndTwoOutputsIncludingAPassThroughInput(string implementation)
    {
        using ModelHarness harness = new ModelHarness(implementation, ControlFlowModels.IfTwoOutputs()).Allocated();
        float[] a = Values(8, 0.5f, -1.75f);
        harness.SetInput(1, a);

        harness.SetInput(0, true);
        harness.Invoke();
        float[] first = harness.Output<float>(0);
        float[] second = harness.Output<float>(1);
        for (int i = 0; i < 8; i++)
        {
            Assert.Equal(a[i] + a[i], first[i]);
            Assert.Equal(a[i], second[i]);
        }

        harness.SetInput(0, false);
        harness.Invoke();
        first = harness.Output<float>(0);
        second = harness.Output<float>(1);
        for (int i = 0; i < 8; i++)
        {
            Assert.Equal(a[i] * a[i], first[i]);
            Assert.Equal(a[i] * a[i], second[i]);
        }
    }

    [Fact]
    public void LargerTensorsCrossTheBranchIntact()
    {
        int[] shape = { 3, 7, 5 };
        using ModelHarness harness = new ModelHarness(KernelImplementations.Reference, ControlFlowModels.IfAddElseMul(shape)).Allocated();
        float[] a = Values(105, 0.125f, -6f);
        float[] b = Values(105, 0.5f, 1f);
        harness.SetInput(0, false);
        harness.SetInput(1, a);
        harness.SetInput(2, b);
        harness.Invoke();
        float[] output = harness.Output<float>(0);
        for (int i = 0; i < 105; i++) Assert.Equal(a[i] * b[i], output[i]);
    }

    public static TheoryData<string, byte[], string> RejectedModels() => new TheoryData<string, byte[], string>
    {
        { "condition type", ControlFlowModels.IfAddElseMul(new[] { 4 }, conditionType: TensorType.Int8), "condition tensor 0 has type INT8, expected BOOL" },
        { "condition size", ControlFlowModels.IfAddElseMul(new[] { 4 }, conditionShape: new[] { 2 }), "condition tensor 0 has 2 elements, expected 1" },
        { "signature", ControlFlowModels.IfAddElseMul(new[] { 4 }, thenTakesOneInput: true), "then subgraph 1 has 1 inputs and 1 outputs, the node passes 2 and expects 1" },
        { "input type", ControlFlowModels.IfAddElseMul(new[] { 4 }, thenFirstInputType: TensorType.Int32), "node input (tensor 1) has type FLOAT32 but branch input (tensor 0) has type INT32" },
        { "input size", ControlFlowModels.IfAddElseMul(new[] { 4 }, thenFirstInputShape: new[] { 5 }), "node input (tensor 1) has 16 bytes but branch input (tensor 0) has 20" },
        { "no condition", ControlFlowModels.IfAddElseMul(new[] { 4 }, noNodeInputs: true), "IF needs the condition as input 0" },
    };

    [Theory]
    [MemberData(nameof(RejectedModels))]
    public void PrepareRejectsInconsistentModels(string what, byte[] model, string message)
    {
        using ModelHarness harness = new ModelHarness(KernelImplementations.Reference, model);
        Assert.NotEqual(Status.Ok, harness.Interpreter.AllocateTensors());
        Assert.StartsWith("IF (subgraph 0, node 0) Prepare: ", harness.Message);
        Assert.True(harness.Message.Contains(message, StringComparison.Ordinal), what + ": " + harness.Message);
    }

    [Theory]
    [InlineData(5, 2, "then_subgraph_index 5 out of range")]
    [InlineData(1, -1, "else_subgraph_index -1 out of range")]
    public void SubgraphIndicesOutOfRangeAreCaughtByTheModelVerifier(int thenSubgraph, int elseSubgraph, string message)
    {
        // The kernel checks them again in Prepare, but a model that gets that far has passed the verifier.
        var error = Assert.Throws<System.IO.InvalidDataException>(() =>
            new ModelHarness(KernelImplementations.Reference, ControlFlowModels.IfAddElseMul(new[] { 4 }, thenSubgraph: thenSubgraph, elseSubgraph: elseSubgraph)));
        Assert.Contains(message, error.Message);
    }
}
