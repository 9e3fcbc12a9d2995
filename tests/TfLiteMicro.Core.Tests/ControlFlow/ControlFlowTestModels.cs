using TfLiteMicro.Schema;
using TfLiteMicro.Testing;

namespace TfLiteMicro.Core.Tests.ControlFlow;

/// <summary>Multi-subgraph models for the interpreter's control-flow and resource-variable support.</summary>
internal static class ControlFlowTestModels
{
    public const int Length = 48;

    public static FbTable IfOptions(int thenSubgraph, int elseSubgraph) => new FbTable().Scalar(0, thenSubgraph).Scalar(1, elseSubgraph);

    /// <summary>
    /// Subgraph 0: IF(cond bool[1], x int8[48]) → y. Then (1): ADD_ONE twice (y = x + 2, one intermediate tensor).
    /// Else (2): <paramref name="elseOp"/> once (y = x + 1 for ADD_ONE).
    /// </summary>
    public static byte[] IfAddOne(string elseOp = "ADD_ONE")
    {
        TfLiteModelBuilder builder = new TfLiteModelBuilder();
        SubgraphBuilder main = builder.AddSubgraph("main");
        int cond = main.AddTensor(TensorType.Bool, new[] { 1 });
        int x = main.AddTensor(TensorType.Int8, new[] { Length });
        int y = main.AddTensor(TensorType.Int8, new[] { Length });
        main.AddOperator((int)BuiltinOperator.IF, new[] { cond, x }, new[] { y }, (byte)BuiltinOptions.IfOptions, IfOptions(1, 2));
        main.SetInputs(cond, x).SetOutputs(y);

        SubgraphBuilder then = builder.AddSubgraph("then");
        int a = then.AddTensor(TensorType.Int8, new[] { Length });
        int b = then.AddTensor(TensorType.Int8, new[] { Length });
        int c = then.AddTensor(TensorType.Int8, new[] { Length });
        then.AddCustomOperator("ADD_ONE", new[] { a }, new[] { b });
        then.AddCustomOperator("ADD_ONE", new[] { b }, new[] { c });
        then.SetInputs(a).SetOutputs(c);

        SubgraphBuilder otherwise = builder.AddSubgraph("else");
        int p = otherwise.AddTensor(TensorType.Int8, new[] { Length });
        int q = otherwise.AddTensor(TensorType.Int8, new[] { Length });
        otherwise.AddCustomOperator(elseOp, new[] { p }, new[] { q });
        otherwise.SetInputs(p).SetOutputs(q);
        return builder.Build();
    }

    /// <summary>Subgraph 1 calls itself through IF (subgraph 0 calls 1): a cycle the planner must refuse.</summary>
    public static byte[] RecursiveIf()
    {
        TfLiteModelBuilder builder = new TfLiteModelBuilder();
        SubgraphBuilder main = builder.AddSubgraph("main");
        int cond = main.AddTensor(TensorType.Bool, new[] { 1 });
        int x = main.AddTensor(TensorType.Int8, new[] { 4 });
        int y = main.AddTensor(TensorType.Int8, new[] { 4 });
        main.AddOperator((int)BuiltinOperator.IF, new[] { cond, cond, x }, new[] { y }, (byte)BuiltinOptions.IfOptions, IfOptions(1, 1));
        main.SetInputs(cond, x).SetOutputs(y);

        SubgraphBuilder loop = builder.AddSubgraph("self");
        int c = loop.AddTensor(TensorType.Bool, new[] { 1 });
        int a = loop.AddTensor(TensorType.Int8, new[] { 4 });
        int b = loop.AddTensor(TensorType.Int8, new[] { 4 });
        loop.AddOperator((int)BuiltinOperator.IF, new[] { c, c, a }, new[] { b }, (byte)BuiltinOptions.IfOptions, IfOptions(1, 1));
        loop.SetInputs(c, a).SetOutputs(b);
        return builder.Build();
    }

    /// <summary>Subgraph 0: custom op <paramref name="op"/> int8[4] → int8[4]; subgraph 1 (never called by a builtin): int8[4] in, int16[2, 3] out, no ops.</summary>
    public static byte[] SingleCustom(string op)
    {
        TfLiteModelBuilder builder = new TfLiteModelBuilder();
        SubgraphBuilder main = builder.AddSubgraph("main");
        int x = main.AddTensor(TensorType.Int8, new[] { 4 });
        int y = main.AddTensor(TensorType.Int8, new[] { 4 });
        main.AddCustomOperator(op, new[] { x }, new[] { y });
        main.SetInputs(x).SetOutputs(y);
        SubgraphBuilder second = builder.AddSubgraph("second");
        int a = second.AddTensor(TensorType.Int8, new[] { 4 });
        int b = second.AddTensor(TensorType.Int16, new[] { 2, 3 });
        second.SetInputs(a).SetOutputs(b);
        return builder.Build();
    }

    /// <summary>
    /// VAR_HANDLE ×<paramref name="handles"/> (names v0, v1, ... or all "v" when <paramref name="sameName"/>), each
    /// followed by ASSIGN_VARIABLE of the input x float[3]; output = READ_VARIABLE of the first handle.
    /// </summary>
    public static byte[] Variables(int handles, bool sameName)
    {
        TfLiteModelBuilder builder = new TfLiteModelBuilder();
        SubgraphBuilder main = builder.AddSubgraph("main");
        int x = main.AddTensor(TensorType.Float32, new[] { 3 });
        int y = main.AddTensor(TensorType.Float32, new[] { 3 });
        int first = -1;
        for (int h = 0; h < handles; h++)
        {
            int handle = main.AddTensor(TensorType.Resource, System.Array.Empty<int>());
            if (first < 0) first = handle;
            FbTable options = new FbTable().Child(0, new FbString("c")).Child(1, new FbString(sameName ? "v" : "v" + h));
            main.AddOperator((int)BuiltinOperator.VAR_HANDLE, System.Array.Empty<int>(), new[] { handle }, (byte)BuiltinOptions.VarHandleOptions, options);
            main.AddOperator((int)BuiltinOperator.ASSIGN_VARIABLE, new[] { handle, x }, System.Array.Empty<int>());
        }
        main.AddOperator((int)BuiltinOperator.READ_VARIABLE, new[] { first }, new[] { y });
        main.SetInputs(x).SetOutputs(y);
        return builder.Build();
    }

    /// <summary>
    /// Subgraph 0: IF#1(cond, x) → y; ADD_ONE y → z; ADD_ONE z → w; IF#2(cond, w) → out — both IFs call subgraph 1
    /// for either branch (ADD_ONE a → b, ADD_ONE b → c). All int8[48].
    /// </summary>
    public static byte[] SharedCallee()
    {
        TfLiteModelBuilder builder = new TfLiteModelBuilder();
        SubgraphBuilder main = builder.AddSubgraph("main");
        int cond = main.AddTensor(TensorType.Bool, new[] { 1 });
        int x = main.AddTensor(TensorType.Int8, new[] { Length });
        int y = main.AddTensor(TensorType.Int8, new[] { Length });
        int z = main.AddTensor(TensorType.Int8, new[] { Length });
        int w = main.AddTensor(TensorType.Int8, new[] { Length });
        int output = main.AddTensor(TensorType.Int8, new[] { Length });
        main.AddOperator((int)BuiltinOperator.IF, new[] { cond, x }, new[] { y }, (byte)BuiltinOptions.IfOptions, IfOptions(1, 1));
        main.AddCustomOperator("ADD_ONE", new[] { y }, new[] { z });
        main.AddCustomOperator("ADD_ONE", new[] { z }, new[] { w });
        main.AddOperator((int)BuiltinOperator.IF, new[] { cond, w }, new[] { output }, (byte)BuiltinOptions.IfOptions, IfOptions(1, 1));
        main.SetInputs(cond, x).SetOutputs(output);

        SubgraphBuilder callee = builder.AddSubgraph("callee");
        int a = callee.AddTensor(TensorType.Int8, new[] { Length });
        int b = callee.AddTensor(TensorType.Int8, new[] { Length });
        int c = callee.AddTensor(TensorType.Int8, new[] { Length });
        callee.AddCustomOperator("ADD_ONE", new[] { a }, new[] { b });
        callee.AddCustomOperator("ADD_ONE", new[] { b }, new[] { c });
        callee.SetInputs(a).SetOutputs(c);
        return builder.Build();
    }
}
