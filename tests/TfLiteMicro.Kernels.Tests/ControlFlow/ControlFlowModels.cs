using System;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;

namespace TfLiteMicro.Kernels.Tests.ControlFlow;

/// <summary>Small IF / WHILE / CALL_ONCE models (with variants that Prepare must reject).</summary>
public static class ControlFlowModels
{
    private static readonly int[] None = Array.Empty<int>();

    /// <summary>
    /// IF(cond, a, b) → out, float32 a/b/out of <paramref name="shape"/>. Then (1): ADD(p, q); else (2): MUL(p, q).
    /// The knobs break one thing each for the Prepare checks.
    /// </summary>
    public static byte[] IfAddElseMul(int[] shape, TensorType conditionType = TensorType.Bool, int[]? conditionShape = null,
        int thenSubgraph = 1, int elseSubgraph = 2, TensorType thenFirstInputType = TensorType.Float32, int[]? thenFirstInputShape = null,
        bool thenTakesOneInput = false, bool noNodeInputs = false)
    {
        TfLiteModelBuilder builder = new TfLiteModelBuilder();
        SubgraphBuilder main = builder.AddSubgraph("main");
        int cond = main.AddTensor(conditionType, conditionShape ?? new[] { 1 });
        int a = main.AddTensor(TensorType.Float32, shape);
        int b = main.AddTensor(TensorType.Float32, shape);
        int output = main.AddTensor(TensorType.Float32, shape);
        int[] inputs = noNodeInputs ? None : new[] { cond, a, b };
        main.AddOperator((int)BuiltinOperator.IF, inputs, new[] { output }, (byte)BuiltinOptions.IfOptions,
            new FbTable().Scalar(0, thenSubgraph).Scalar(1, elseSubgraph));
        main.SetInputs(cond, a, b).SetOutputs(output);

        SubgraphBuilder then = builder.AddSubgraph("then");
        int p = then.AddTensor(thenFirstInputType, thenFirstInputShape ?? shape);
        int q = then.AddTensor(TensorType.Float32, shape);
        int r = then.AddTensor(TensorType.Float32, shape);
        then.AddOperator((int)BuiltinOperator.ADD, new[] { thenTakesOneInput ? q : p, q }, new[] { r });
        if (thenTakesOneInput) then.SetInputs(q).SetOutputs(r);
        else then.SetInputs(p, q).SetOutputs(r);

        SubgraphBuilder otherwise = builder.AddSubgraph("else");
        int s = otherwise.AddTensor(TensorType.Float32, shape);
        int t = otherwise.AddTensor(TensorType.Float32, shape);
        int u = otherwise.AddTensor(TensorType.Float32, shape);
        otherwise.AddOperator((int)BuiltinOperator.MUL, new[] { s, t }, new[] { u });
        otherwise.SetInputs(s, t).SetOutputs(u);
        return builder.Build();
    }

    /// <summary>
    /// IF(cond scalar, a float[2,4]) → (o1 float[2,4], o2 float[2,4]). Then: (a + a, a) — the second output is
    /// the branch's own input; else: (a × a, a × a).
    /// </summary>
    public static byte[] IfTwoOutputs()
    {
        TfLiteModelBuilder builder = new TfLiteModelBuilder();
        int[] shape = { 2, 4 };
        SubgraphBuilder main = builder.AddSubgraph("main");
        int cond = main.AddTensor(TensorType.Bool, None);
        int a = main.AddTensor(TensorType.Float32, shape);
        int o1 = main.AddTensor(TensorType.Float32, shape);
        int o2 = main.AddTensor(TensorType.Float32, shape);
        main.AddOperator((int)BuiltinOperator.IF, new[] { cond, a }, new[] { o1, o2 }, (byte)BuiltinOptions.IfOptions,
            new FbTable().Scalar(0, 1).Scalar(1, 2));
        main.SetInputs(cond, a).SetOutputs(o1, o2);

        SubgraphBuilder then = builder.AddSubgraph("then");
        int p = then.AddTensor(TensorType.Float32, shape);
        int sum = then.AddTensor(TensorType.Float32, shape);
        then.AddOperator((int)BuiltinOperator.ADD, new[] { p, p }, new[] { sum });
        then.SetInputs(p).SetOutputs(sum, p);

        SubgraphBuilder otherwise = builder.AddSubgraph("else");
        int s = otherwise.AddTensor(TensorType.Float32, shape);
        int square = otherwise.AddTensor(TensorType.Float32, shape);
        otherwise.AddOperator((int)BuiltinOperator.MUL, new[] { s, s }, new[] { square });
        otherwise.SetInputs(s).SetOutputs(square, square);
        return builder.Build();
    }

    /// <summary>
    /// WHILE(i int32[1], x float32[3]) → (i', x'). Condition (1): i &lt; <paramref name="limit"/>; body (2):
    /// i + 1, x × 1.5 + 0.25. Knobs break one thing each for the Prepare checks.
    /// </summary>
    public static byte[] WhileCounter(int limit = 5, bool conditionOutputsCounter = false, bool bodyDropsX = false,
        bool nodeDropsSecondOutput = false, TensorType bodyXType = TensorType.Float32)
    {
        TfLiteModelBuilder builder = new TfLiteModelBuilder();
        SubgraphBuilder main = builder.AddSubgraph("main");
        int i = main.AddTensor(TensorType.Int32, new[] { 1 });
        int x = main.AddTensor(TensorType.Float32, new[] { 3 });
        int iOut = main.AddTensor(TensorType.Int32, new[] { 1 });
        int xOut = main.AddTensor(TensorType.Float32, new[] { 3 });
        int[] outputs = nodeDropsSecondOutput ? new[] { iOut } : new[] { iOut, xOut };
        main.AddOperator((int)BuiltinOperator.WHILE, new[] { i, x }, outputs, (byte)BuiltinOptions.WhileOptions,
            new FbTable().Scalar(0, 1).Scalar(1, 2));
        main.SetInputs(i, x).SetOutputs(iOut, xOut);

        SubgraphBuilder cond = builder.AddSubgraph("cond");
        int ci = cond.AddTensor(TensorType.Int32, new[] { 1 });
        int cx = cond.AddTensor(TensorType.Float32, new[] { 3 });
        int bound = cond.AddTensor(TensorType.Int32, new[] { 1 }, TfLiteModelBuilder.Bytes(limit));
        int less = cond.AddTensor(TensorType.Bool, new[] { 1 });
        cond.AddOperator((int)BuiltinOperator.LESS, new[] { ci, bound }, new[] { less });
        cond.SetInputs(ci, cx).SetOutputs(conditionOutputsCounter ? ci : less);

        SubgraphBuilder body = builder.AddSubgraph("body");
        int bi = body.AddTensor(TensorType.Int32, new[] { 1 });
        int bx = body.AddTensor(bodyXType, new[] { 3 });
        int one = body.AddTensor(TensorType.Int32, new[] { 1 }, TfLiteModelBuilder.Bytes(1));
        int factor = body.AddTensor(bodyXType, new[] { 1 }, bodyXType == TensorType.Float32 ? TfLiteModelBuilder.Bytes(1.5f) : TfLiteModelBuilder.Bytes(2));
        int offset = body.AddTensor(bodyXType, new[] { 1 }, bodyXType == TensorType.Float32 ? TfLiteModelBuilder.Bytes(0.25f) : TfLiteModelBuilder.Bytes(1));
        int nextI = body.AddTensor(TensorType.Int32, new[] { 1 });
        int scaled = body.AddTensor(bodyXType, new[] { 3 });
        int nextX = body.AddTensor(bodyXType, new[] { 3 });
        body.AddOperator((int)BuiltinOperator.ADD, new[] { bi, one }, new[] { nextI });
        body.AddOperator((int)BuiltinOperator.MUL, new[] { bx, factor }, new[] { scaled });
        body.AddOperator((int)BuiltinOperator.ADD, new[] { scaled, offset }, new[] { nextX });
        body.SetInputs(bi, bx);
        if (bodyDropsX) body.SetOutputs(nextI);
        else body.SetOutputs(nextI, nextX);
        return builder.Build();
    }

    /// <summary>
    /// The accumulator: CALL_ONCE(init = 1) sets variable (c, acc) to <paramref name="initial"/>; then
    /// out = READ(acc) + x and ASSIGN(acc, out). x, out float32[2, 3].
    /// </summary>
    public static byte[] CallOnceAccumulator(float[] initial, int initSubgraph = 1, bool callOnceTakesInput = false)
    {
        TfLiteModelBuilder builder = new TfLiteModelBuilder();
        int[] shape = { 2, 3 };
        SubgraphBuilder main = builder.AddSubgraph("main");
        int x = main.AddTensor(TensorType.Float32, shape);
        int handle = main.AddTensor(TensorType.Resource, None);
        int value = main.AddTensor(TensorType.Float32, shape);
        int output = main.AddTensor(TensorType.Float32, shape);
        main.AddOperator((int)BuiltinOperator.CALL_ONCE, callOnceTakesInput ? new[] { x } : None, None,
            (byte)BuiltinOptions.CallOnceOptions, new FbTable().Scalar(0, initSubgraph));
        main.AddOperator((int)BuiltinOperator.VAR_HANDLE, None, new[] { handle }, (byte)BuiltinOptions.VarHandleOptions, VarHandleOptions("c", "acc"));
        main.AddOperator((int)BuiltinOperator.READ_VARIABLE, new[] { handle }, new[] { value });
        main.AddOperator((int)BuiltinOperator.ADD, new[] { value, x }, new[] { output });
        main.AddOperator((int)BuiltinOperator.ASSIGN_VARIABLE, new[] { handle, output }, None);
        main.SetInputs(x).SetOutputs(output);

        SubgraphBuilder init = builder.AddSubgraph("init");
        int initHandle = init.AddTensor(TensorType.Resource, None);
        int constant = init.AddTensor(TensorType.Float32, shape, TfLiteModelBuilder.Bytes(initial));
        init.AddOperator((int)BuiltinOperator.VAR_HANDLE, None, new[] { initHandle }, (byte)BuiltinOptions.VarHandleOptions, VarHandleOptions("c", "acc"));
        init.AddOperator((int)BuiltinOperator.ASSIGN_VARIABLE, new[] { initHandle, constant }, None);
        return builder.Build();
    }

    /// <summary>VarHandleOptions {container, shared_name}; a null container leaves the field out.</summary>
    public static FbTable VarHandleOptions(string? container, string sharedName)
    {
        FbTable options = new FbTable();
        if (container != null) options.Child(0, new FbString(container));
        return options.Child(1, new FbString(sharedName));
    }
}
