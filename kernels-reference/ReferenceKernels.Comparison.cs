using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

public static partial class ReferenceKernels
{
    public static Status AddEqual(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.EQUAL, Equal.Kernel);

    public static Status AddNotEqual(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.NOT_EQUAL, NotEqual.Kernel);

    public static Status AddGreater(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.GREATER, Greater.Kernel);

    public static Status AddGreaterEqual(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.GREATER_EQUAL, GreaterEqual.Kernel);

    public static Status AddLess(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.LESS, Less.Kernel);

    public static Status AddLessEqual(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.LESS_EQUAL, LessEqual.Kernel);

    public static Status AddLogicalAnd(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.LOGICAL_AND, LogicalAnd.Kernel);

    public static Status AddLogicalOr(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.LOGICAL_OR, LogicalOr.Kernel);

    public static Status AddSquaredDifference(this OpResolver resolver) =>
        resolver.AddBuiltin(BuiltinOperator.SQUARED_DIFFERENCE, SquaredDifference.Kernel);

    public static Status AddFloorDiv(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.FLOOR_DIV, FloorDiv.Kernel);

    public static Status AddFloorMod(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.FLOOR_MOD, FloorMod.Kernel);

    public static Status AddAddN(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.ADD_N, AddN.Kernel);

    public static Status AddSelectV2(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.SELECT_V2, SelectV2.Kernel);

    static partial void AddComparisonKernels(OpResolver resolver, ref Status status)
    {
        if (status == Status.Ok) status = resolver.AddEqual();
        if (status == Status.Ok) status = resolver.AddNotEqual();
        if (status == Status.Ok) status = resolver.AddGreater();
        if (status == Status.Ok) status = resolver.AddGreaterEqual();
        if (status == Status.Ok) status = resolver.AddLess();
        if (status == Status.Ok) status = resolver.AddLessEqual();
        if (status == Status.Ok) status = resolver.AddLogicalAnd();
        if (status == Status.Ok) status = resolver.AddLogicalOr();
        if (status == Status.Ok) status = resolver.AddSquaredDifference();
        if (status == Status.Ok) status = resolver.AddFloorDiv();
        if (status == Status.Ok) status = resolver.AddFloorMod();
        if (status == Status.Ok) status = resolver.AddAddN();
        if (status == Status.Ok) status = resolver.AddSelectV2();
    }
}
