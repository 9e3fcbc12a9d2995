using TfLiteMicro.Testing;

namespace TfLiteMicro.Core.Tests.Interpreter;

/// <summary>Small synthetic models for interpreter tests.</summary>
internal static class TestModels
{
    /// <summary>
    /// A chain input → AddOne → t1 → AddOne → t2 → AddOne → output of int8 [1, n] tensors (custom op "ADD_ONE").
    /// </summary>
    public static byte[] Chain(int length = 64, int ops = 3, int[]? offlinePlan = null)
    {
        TfLiteModelBuilder builder = new TfLiteModelBuilder();
        SubgraphBuilder graph = builder.AddSubgraph("main");
        int previous = graph.AddTensor(TensorType.Int8, new[] { 1, length });
        int first = previous;
        for (int i = 0; i < ops; i++)
        {
            int next = graph.AddTensor(TensorType.Int8, new[] { 1, length });
            graph.AddCustomOperator("ADD_ONE", new[] { previous }, new[] { next });
            previous = next;
        }
        graph.SetInputs(first).SetOutputs(previous);
        if (offlinePlan != null) builder.AddOfflineMemoryPlan(offlinePlan);
        return builder.Build();
    }

    /// <summary>input → ADD_ONE → output, plus an int8 variable tensor with zero point 7 that nobody uses.</summary>
    public static byte[] WithVariable()
    {
        TfLiteModelBuilder builder = new TfLiteModelBuilder();
        SubgraphBuilder graph = builder.AddSubgraph("main");
        int input = graph.AddTensor(TensorType.Int8, new[] { 4 });
        int output = graph.AddTensor(TensorType.Int8, new[] { 4 });
        graph.AddTensor(TensorType.Int8, new[] { 10 }, scales: new[] { 0.5f }, zeroPoints: new long[] { 7 }, isVariable: true);
        graph.AddTensor(TensorType.Int16, new[] { 6 }, scales: new[] { 0.5f }, zeroPoints: new long[] { 0 }, isVariable: true);
        graph.AddCustomOperator("ADD_ONE", new[] { input }, new[] { output });
        graph.SetInputs(input).SetOutputs(output);
        return builder.Build();
    }
}
