using System;
using TfLiteMicro.Kernels.Reference;
using TfLiteMicro.Memory;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Core.Tests.Interpreter;

/// <summary>
/// One test per root cause the fuzzer found (issue 14): each malformed model or misuse ends in a Status with a
/// message, never an exception or a stray memory access. The regression corpus (tests/fuzz-corpus) replays the
/// fuzzer's own minimized inputs; these are the same causes written down as small readable models.
/// </summary>
public unsafe class UntrustedModelTests
{
    private const int Relu = 19;
    private const int Add = 0;
    private const int ArgMax = 56;
    private const int ReduceMax = 82;
    private const int DepthToSpace = 5;
    private const int While = 119;
    private const int Less = 58;
    private const int AddN = 106;

    private static byte[] F32(params float[] values) => TfLiteModelBuilder.Bytes(values);

    private static string Reject(byte[] model)
    {
        using var buffer = new ModelBuffer(model);
        var errors = new ErrorReporter();
        Assert.Equal(Status.MalformedModel, buffer.TryLoadModel(errors, out _));
        return errors.MessageText;
    }

    private static OpResolver Reference()
    {
        var resolver = new OpResolver();
        Assert.Equal(Status.Ok, ReferenceKernels.AddAll(resolver));
        return resolver;
    }

    /// <summary>A one-op model: float32 [4] input → op → float32 [4] output, with the given tweaks.</summary>
    private static byte[] OneOp(int op, Action<SubgraphBuilder, int, int>? tweak = null)
    {
        var builder = new TfLiteModelBuilder();
        SubgraphBuilder main = builder.AddSubgraph("main");
        int input = main.AddTensor(TensorType.Float32, new[] { 4 });
        int output = main.AddTensor(TensorType.Float32, new[] { 4 });
        if (tweak != null) tweak(main, input, output);
        else main.SetInputs(input).SetOutputs(output).AddOperator(op, new[] { input }, new[] { output });
        return builder.Build();
    }

    [Fact]
    public void SubgraphInputOfMinusOneIsRefused()
    {
        string message = Reject(OneOp(Relu, (g, i, o) => g.SetInputs(-1).SetOutputs(o).AddOperator(Relu, new[] { i }, new[] { o })));
        Assert.Contains("subgraph 0: input tensor index -1", message);
    }

    [Fact]
    public void OperatorOutputOfMinusOneIsRefused()
    {
        string message = Reject(OneOp(Relu, (g, i, o) => g.SetInputs(i).SetOutputs(o).AddOperator(Relu, new[] { i }, new[] { -1 })));
        Assert.Contains("output tensor index -1", message);
    }

    [Fact]
    public void OperatorOutputWithConstantDataIsRefused()
    {
        var builder = new TfLiteModelBuilder();
        SubgraphBuilder main = builder.AddSubgraph("main");
        int input = main.AddTensor(TensorType.Float32, new[] { 4 });
        int weights = main.AddTensor(TensorType.Float32, new[] { 4 }, F32(1, 2, 3, 4));
        main.SetInputs(input).SetOutputs(weights).AddOperator(Relu, new[] { input }, new[] { weights });
        Assert.Contains("is written at run time but has constant data", Reject(builder.Build()));
    }

    [Fact]
    public void GraphInputWithConstantDataIsRefused()
    {
        var builder = new TfLiteModelBuilder();
        SubgraphBuilder main = builder.AddSubgraph("main");
        int input = main.AddTensor(TensorType.Float32, new[] { 4 }, F32(1, 2, 3, 4));
        int output = main.AddTensor(TensorType.Float32, new[] { 4 });
        main.SetInputs(input).SetOutputs(output).AddOperator(Relu, new[] { input }, new[] { output });
        Assert.Contains("subgraph 0: input tensor 0 't0' (position 0) is written at run time but has constant data", Reject(builder.Build()));
    }

    [Fact]
    public void VariableTensorWithConstantDataIsRefused()
    {
        var builder = new TfLiteModelBuilder();
        SubgraphBuilder main = builder.AddSubgraph("main");
        int input = main.AddTensor(TensorType.Float32, new[] { 4 });
        int output = main.AddTensor(TensorType.Float32, new[] { 4 });
        main.AddTensor(TensorType.Float32, new[] { 4 }, F32(1, 2, 3, 4), isVariable: true);
        main.SetInputs(input).SetOutputs(output).AddOperator(Relu, new[] { input }, new[] { output });
        Assert.Contains("is a variable (written at run time) but has constant data", Reject(builder.Build()));
    }

    [Fact]
    public void OptionsOfAnotherOperatorAreRefused()
    {
        // ADD with a Conv2DOptions table: a kernel would read its fields as AddOptions, and past the table's end.
        byte[] model = OneOp(Add, (g, i, o) => g.SetInputs(i).SetOutputs(o)
            .AddOperator(Add, new[] { i, i }, new[] { o }, (byte)BuiltinOptions.Conv2DOptions, new FbTable().Scalar(1, 2).Scalar(2, 2)));
        Assert.Contains("builtin_options_type 1 does not match operator ADD, which takes options type 11", Reject(model));
    }

    [Fact]
    public void ShapeWhoseByteSizeOverflowsIsRefused()
    {
        // [1, 1, 2^30 + 1] float32 is 4 GiB + 4: its byte count wraps to 4 in 32 bits.
        var builder = new TfLiteModelBuilder();
        SubgraphBuilder main = builder.AddSubgraph("main");
        int input = main.AddTensor(TensorType.Float32, new[] { 1, 1, (1 << 30) + 1 });
        int output = main.AddTensor(TensorType.Float32, new[] { 1, 1, (1 << 30) + 1 });
        main.SetInputs(input).SetOutputs(output).AddOperator(Relu, new[] { input }, new[] { output });
        Assert.Contains("shape [1, 1, 1073741825] of FLOAT32 is larger than 2147483632 bytes", Reject(builder.Build()));
    }

    [Fact]
    public void DepthToSpaceBlockWhoseSquareWrapsIsRefusedInPrepare()
    {
        // block_size 65536: block² is 2^32, 0 in 32 bits (a division by zero before).
        var builder = new TfLiteModelBuilder();
        SubgraphBuilder main = builder.AddSubgraph("main");
        int input = main.AddTensor(TensorType.Float32, new[] { 1, 1, 1, 4 });
        int output = main.AddTensor(TensorType.Float32, new[] { 1, 1, 1, 4 });
        main.SetInputs(input).SetOutputs(output)
            .AddOperator(DepthToSpace, new[] { input }, new[] { output }, (byte)BuiltinOptions.DepthToSpaceOptions, new FbTable().Scalar(0, 65536));
        string message = AllocateFails(builder.Build());
        Assert.Contains("not a multiple of block_size² = 4294967296", message);
    }

    [Fact]
    public void ArgMaxWithARunTimeAxisCannotWritePastItsOutput()
    {
        // Input [2, 3], axis an input, output [3]: right for axis 0, 2 elements short for axis 1 (TFLM writes past it).
        var builder = new TfLiteModelBuilder();
        SubgraphBuilder main = builder.AddSubgraph("main");
        int input = main.AddTensor(TensorType.Float32, new[] { 2, 3 });
        int axis = main.AddTensor(TensorType.Int32, new[] { 1 });
        int output = main.AddTensor(TensorType.Int32, new[] { 3 });
        main.SetInputs(input, axis).SetOutputs(output).AddOperator(ArgMax, new[] { input, axis }, new[] { output });
        using var model = new LoadedModel(builder.Build());
        using var arena = new NativeArena(4096);
        var interpreter = new MicroInterpreter(model.Model, Reference(), arena.Pointer, arena.Size);
        Assert.Equal(Status.Ok, interpreter.AllocateTensors());
        interpreter.Input(1).DataAs<int>()[0] = 0;
        Assert.Equal(Status.Ok, interpreter.Invoke());
        interpreter.Input(1).DataAs<int>()[0] = 1;
        Assert.NotEqual(Status.Ok, interpreter.Invoke());
        Assert.Contains("the output has 3 elements, the input has 2 lines along axis 1", interpreter.Errors.MessageText);
    }

    [Fact]
    public void ReduceWithARunTimeAxisChecksTheOutputAtInvoke()
    {
        var builder = new TfLiteModelBuilder();
        SubgraphBuilder main = builder.AddSubgraph("main");
        int input = main.AddTensor(TensorType.Float32, new[] { 2, 3 });
        int axis = main.AddTensor(TensorType.Int32, new[] { 1 });
        int output = main.AddTensor(TensorType.Float32, new[] { 2 });
        main.SetInputs(input, axis).SetOutputs(output)
            .AddOperator(ReduceMax, new[] { input, axis }, new[] { output }, (byte)BuiltinOptions.ReducerOptions, new FbTable());
        using var model = new LoadedModel(builder.Build());
        using var arena = new NativeArena(4096);
        var interpreter = new MicroInterpreter(model.Model, Reference(), arena.Pointer, arena.Size);
        Assert.Equal(Status.Ok, interpreter.AllocateTensors());
        interpreter.Input(1).DataAs<int>()[0] = 1;
        Assert.Equal(Status.Ok, interpreter.Invoke());
        interpreter.Input(1).DataAs<int>()[0] = 0;
        Assert.NotEqual(Status.Ok, interpreter.Invoke());
        Assert.Contains("the output has 2 elements, the reduction over the given axes leaves 3", interpreter.Errors.MessageText);
    }

    [Fact]
    public void TensorWrittenByTwoOperatorsKeepsItsMemoryFromTheFirstWrite()
    {
        // Two ADD_N nodes write the same output; the output's memory must not be shared with the first node's scratch
        // buffer (the input pointer list), which the first node reads while it writes the output.
        var builder = new TfLiteModelBuilder();
        SubgraphBuilder main = builder.AddSubgraph("main");
        int a = main.AddTensor(TensorType.Float32, new[] { 5 });
        int b = main.AddTensor(TensorType.Float32, new[] { 5 });
        int sum = main.AddTensor(TensorType.Float32, new[] { 5 });
        main.SetInputs(a, b).SetOutputs(sum)
            .AddOperator(AddN, new[] { a, b }, new[] { sum })
            .AddOperator(AddN, new[] { a, b }, new[] { sum });
        using var model = new LoadedModel(builder.Build());
        using var arena = new NativeArena(4096);
        var interpreter = new MicroInterpreter(model.Model, Reference(), arena.Pointer, arena.Size);
        Assert.Equal(Status.Ok, interpreter.AllocateTensors());
        interpreter.Input(0).DataAs<float>().Fill(1);
        interpreter.Input(1).DataAs<float>().Fill(2);
        Assert.Equal(Status.Ok, interpreter.Invoke());
        Assert.Equal(new float[] { 3, 3, 3, 3, 3 }, interpreter.Output(0).DataAs<float>().ToArray());
    }

    [Fact]
    public void WhileLoopIsBoundedByTheIterationLimit()
    {
        // cond: x < 1 (x stays 0: the body passes it through), so the loop would never end.
        var builder = new TfLiteModelBuilder();
        SubgraphBuilder main = builder.AddSubgraph("main");
        int x = main.AddTensor(TensorType.Float32, new[] { 1 });
        int y = main.AddTensor(TensorType.Float32, new[] { 1 });
        main.SetInputs(x).SetOutputs(y)
            .AddOperator(While, new[] { x }, new[] { y }, (byte)BuiltinOptions.WhileOptions, new FbTable().Scalar(0, 1).Scalar(1, 2));
        SubgraphBuilder cond = builder.AddSubgraph("cond");
        int cx = cond.AddTensor(TensorType.Float32, new[] { 1 });
        int one = cond.AddTensor(TensorType.Float32, new[] { 1 }, F32(1));
        int less = cond.AddTensor(TensorType.Bool, new[] { 1 });
        cond.SetInputs(cx).SetOutputs(less).AddOperator(Less, new[] { cx, one }, new[] { less });
        SubgraphBuilder body = builder.AddSubgraph("body");
        int bx = body.AddTensor(TensorType.Float32, new[] { 1 });
        body.SetInputs(bx).SetOutputs(bx);

        using var model = new LoadedModel(builder.Build());
        using var arena = new NativeArena(8192);
        var interpreter = new MicroInterpreter(model.Model, Reference(), arena.Pointer, arena.Size,
            new InterpreterOptions { MaxLoopIterations = 1000 });
        Assert.Equal(Status.Ok, interpreter.AllocateTensors());
        interpreter.Input(0).DataAs<float>()[0] = 0;
        Assert.Equal(Status.Error, interpreter.Invoke());
        Assert.Contains("more than 1000 loop iterations in one Invoke (InterpreterOptions.MaxLoopIterations)", interpreter.Errors.MessageText);
        // The bound is per Invoke: a loop that ends is fine afterwards.
        interpreter.Input(0).DataAs<float>()[0] = 5;
        Assert.Equal(Status.Ok, interpreter.Invoke());
    }

    [Fact]
    public void InputsCanBeReadAfterAFailedAllocation()
    {
        // Prepare fails (ADD of [4] and [3] does not broadcast) after the eval tensors exist: Input(0) still works.
        var builder = new TfLiteModelBuilder();
        SubgraphBuilder main = builder.AddSubgraph("main");
        int a = main.AddTensor(TensorType.Float32, new[] { 4 });
        int b = main.AddTensor(TensorType.Float32, new[] { 3 });
        int output = main.AddTensor(TensorType.Float32, new[] { 4 });
        main.SetInputs(a, b).SetOutputs(output).AddOperator(Add, new[] { a, b }, new[] { output });
        using var model = new LoadedModel(builder.Build());
        foreach (int arenaBytes in new[] { 64, 4096 })
        {
            using var arena = new NativeArena(arenaBytes);
            var interpreter = new MicroInterpreter(model.Model, Reference(), arena.Pointer, arena.Size);
            Assert.NotEqual(Status.Ok, interpreter.AllocateTensors());
            TensorInfo input = interpreter.Input(0);
            Assert.Equal(TensorType.Float32, input.Type);
            Assert.Equal(4, input.ElementCount);
            Assert.True(interpreter.Input(0).DataAs<float>().IsEmpty || interpreter.Input(0).DataAs<float>().Length == 4);
            Assert.NotEqual(Status.Ok, interpreter.Invoke());
        }
    }

    [Fact]
    public void NullArenaWithASizeIsAnError()
    {
        using var model = new LoadedModel(OneOp(Relu));
        var interpreter = new MicroInterpreter(model.Model, Reference(), null, 4096);
        Assert.Equal(Status.InvalidArgument, interpreter.AllocateTensors());
        Assert.Contains("the arena is null", interpreter.Errors.MessageText);
        Assert.False(interpreter.Input(0).DataBytes.Length > 0);
    }

    [Fact]
    public void InterpreterWithoutAModelIsAnError()
    {
        using var arena = new NativeArena(4096);
        var interpreter = new MicroInterpreter(default(Model), Reference(), arena.Pointer, arena.Size);
        Assert.Equal(0, interpreter.InputCount);
        Assert.Equal(0, interpreter.OutputCount);
        Assert.False(interpreter.Input(0).Exists);
        Assert.Equal(Status.InvalidArgument, interpreter.AllocateTensors());
        Assert.Contains("no model", interpreter.Errors.MessageText);
        Assert.Equal(Status.InvalidState, interpreter.Invoke());
    }

    [Fact]
    public void AbsentTensorHasATypeNoKernelAccepts()
    {
        TensorInfo absent = default;
        Assert.False(absent.Exists);
        Assert.Equal(TensorInfo.AbsentType, absent.Type);
        Assert.Equal(0, absent.ElementCount);
        Assert.Equal("UNKNOWN", TensorTypes.NameText(absent.Type));
    }

    private static string AllocateFails(byte[] bytes)
    {
        using var model = new LoadedModel(bytes);
        using var arena = new NativeArena(1 << 16);
        var interpreter = new MicroInterpreter(model.Model, Reference(), arena.Pointer, arena.Size);
        Assert.NotEqual(Status.Ok, interpreter.AllocateTensors());
        return interpreter.Errors.MessageText;
    }

    /// <summary>A DENSIFY model: a sparse float32 [4, 6] constant (CSR rows) densified to a [4, 6] output.</summary>
    private static (TfLiteModelBuilder Builder, SubgraphBuilder Main, int Sparse, int Dense) SparseModel()
    {
        const int Densify = 124;
        float[] dense = new float[24];
        dense[1] = 1.5f;
        dense[14] = -2f;
        var encoded = SparseTensorEncoder.Encode(dense, new[] { 4, 6 }, new[] { 0, 1 }, new[] { false, true });
        var builder = new TfLiteModelBuilder();
        SubgraphBuilder main = builder.AddSubgraph("main");
        int sparse = main.AddTensor(TensorType.Float32, new[] { 4, 6 }, F32(encoded.Values), sparsity: encoded.ToTable());
        int output = main.AddTensor(TensorType.Float32, new[] { 4, 6 });
        main.AddOperator(Densify, new[] { sparse }, new[] { output });
        return (builder, main, sparse, output);
    }

    [Fact]
    public void SparseConstantAsSubgraphOutputIsRefused()
    {
        // Found by the fuzzer (campaign seed 8 over tests/fuzz-seeds, mutant 82851): the sparse weights inserted into
        // the outputs were read as 96 bytes from a 8-byte buffer.
        var (builder, main, sparse, output) = SparseModel();
        main.SetInputs().SetOutputs(sparse, output);
        Assert.Contains("output tensor 0 't0' (position 0) is a constant stored sparse", Reject(builder.Build()));
    }

    [Fact]
    public void SparseConstantIsGivenToTheApplicationWithoutData()
    {
        var (builder, main, sparse, output) = SparseModel();
        main.SetInputs().SetOutputs(output);
        using var model = new LoadedModel(builder.Build());
        using var arena = new NativeArena(4096);
        var interpreter = new MicroInterpreter(model.Model, Reference(), arena.Pointer, arena.Size);
        Assert.True(interpreter.GetTensor(sparse).DataBytes.IsEmpty);
        Assert.Equal(Status.Ok, interpreter.AllocateTensors());
        Assert.Equal(Status.Ok, interpreter.Invoke());
        Assert.True(interpreter.GetTensor(sparse).DataBytes.IsEmpty);
        Assert.Equal(24, interpreter.GetTensor(sparse).ElementCount);
        Assert.Equal(-2f, interpreter.Output(0).DataAs<float>()[14]);
    }
}
