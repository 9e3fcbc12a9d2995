using System;
using System.Collections.Generic;
using TfLiteMicro.Kernels.Reference;
using TfLiteMicro.Memory;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Core.Tests.Interpreter;

/// <summary>MicroInterpreter.CheckOperators: one verdict per node, carrying on past failures (what `tflm inspect` shows).</summary>
public class CheckOperatorsTests
{
    private sealed class RecordingSink : OperatorCheckSink
    {
        public readonly Dictionary<(int, int), string> Verdicts = new();

        public override void Supported(int subgraphIndex, int nodeIndex) => Add(subgraphIndex, nodeIndex, "supported");

        public override void NotRegistered(int subgraphIndex, int nodeIndex, ReadOnlySpan<byte> message) =>
            Add(subgraphIndex, nodeIndex, "missing: " + System.Text.Encoding.UTF8.GetString(message));

        public override void Rejected(int subgraphIndex, int nodeIndex, KernelPhase phase, Status status, ReadOnlySpan<byte> message) =>
            Add(subgraphIndex, nodeIndex, phase + " " + status + ": " + System.Text.Encoding.UTF8.GetString(message));

        private void Add(int subgraph, int node, string verdict)
        {
            Assert.False(Verdicts.ContainsKey((subgraph, node)), "two verdicts for one node");
            Verdicts[(subgraph, node)] = verdict;
        }
    }

    /// <summary>ADD (fine), MUL (not registered), MY_OP (unknown custom), ADD float+int32, CAST from int64.</summary>
    private static byte[] Model()
    {
        TfLiteModelBuilder builder = new TfLiteModelBuilder();
        SubgraphBuilder main = builder.AddSubgraph("main");
        int x = main.AddTensor(TensorType.Float32, new[] { 4 });
        int a = main.AddTensor(TensorType.Float32, new[] { 4 });
        int b = main.AddTensor(TensorType.Float32, new[] { 4 });
        int c = main.AddTensor(TensorType.Float32, new[] { 4 });
        int ints = main.AddTensor(TensorType.Int32, new[] { 4 });
        int d = main.AddTensor(TensorType.Float32, new[] { 4 });
        int longs = main.AddTensor(TensorType.Int64, new[] { 4 });
        int e = main.AddTensor(TensorType.Int8, new[] { 4 });
        main.AddOperator((int)BuiltinOperator.ADD, new[] { x, x }, new[] { a }, (byte)BuiltinOptions.AddOptions, new FbTable());
        main.AddOperator((int)BuiltinOperator.MUL, new[] { a, a }, new[] { b }, (byte)BuiltinOptions.MulOptions, new FbTable());
        main.AddCustomOperator("MY_OP", new[] { b }, new[] { c });
        main.AddOperator((int)BuiltinOperator.ADD, new[] { c, ints }, new[] { d }, (byte)BuiltinOptions.AddOptions, new FbTable());
        main.AddOperator((int)BuiltinOperator.CAST, new[] { longs }, new[] { e });
        main.SetInputs(x, ints, longs).SetOutputs(d, e);
        return builder.Build();
    }

    private static OpResolver AddAndCastOnly()
    {
        OpResolver resolver = new OpResolver();
        Assert.Equal(Status.Ok, resolver.AddBuiltin(BuiltinOperator.ADD, Add.Kernel));
        Assert.Equal(Status.Ok, resolver.AddBuiltin(BuiltinOperator.CAST, Cast.Kernel));
        return resolver;
    }

    [Fact]
    public unsafe void EveryNodeGetsExactlyOneVerdictWithItsReason()
    {
        using LoadedModel model = new LoadedModel(Model());
        using NativeArena arena = new NativeArena(1 << 16);
        MicroInterpreter interpreter = new MicroInterpreter(model.Model, AddAndCastOnly(), arena.Pointer, arena.Size);
        RecordingSink sink = new RecordingSink();

        Assert.Equal(Status.UnsupportedOperator, interpreter.CheckOperators(sink));
        Assert.Contains("4 of 5 operator nodes cannot run with this op resolver", interpreter.Errors.MessageText);
        Assert.Equal(5, sink.Verdicts.Count);
        Assert.Equal("supported", sink.Verdicts[(0, 0)]);
        Assert.Equal("missing: not registered in the op resolver: MUL", sink.Verdicts[(0, 1)]);
        Assert.Equal("missing: not registered in the op resolver: custom op 'MY_OP'", sink.Verdicts[(0, 2)]);
        Assert.StartsWith("Prepare ", sink.Verdicts[(0, 3)]);
        Assert.Contains("INT32", sink.Verdicts[(0, 3)]);
        Assert.StartsWith("Prepare ", sink.Verdicts[(0, 4)]);
        Assert.Contains("INT64", sink.Verdicts[(0, 4)]);

        // The check leaves the interpreter unusable; a second check or an allocation says so.
        Assert.Equal(Status.InvalidState, interpreter.CheckOperators(new RecordingSink()));
        Assert.Equal(Status.InvalidState, interpreter.AllocateTensors());
    }

    [Fact]
    public unsafe void ASupportedModelChecksOk()
    {
        using LoadedModel model = new LoadedModel(TestModels.Chain());
        using NativeArena arena = new NativeArena(1 << 16);
        OpResolver resolver = new OpResolver();
        Assert.Equal(Status.Ok, resolver.AddCustom("ADD_ONE", new AddOneKernel()));
        MicroInterpreter interpreter = new MicroInterpreter(model.Model, resolver, arena.Pointer, arena.Size);
        RecordingSink sink = new RecordingSink();
        Assert.Equal(Status.Ok, interpreter.CheckOperators(sink));
        Assert.All(sink.Verdicts.Values, verdict => Assert.Equal("supported", verdict));
        Assert.Equal(3, sink.Verdicts.Count);
    }
}
