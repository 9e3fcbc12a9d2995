using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

public static partial class ReferenceKernels
{
    public static Status AddAbs(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.ABS, Abs.Kernel);

    public static Status AddNeg(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.NEG, Neg.Kernel);

    public static Status AddSqrt(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.SQRT, Sqrt.Kernel);

    public static Status AddRsqrt(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.RSQRT, Rsqrt.Kernel);

    public static Status AddExp(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.EXP, Exp.Kernel);

    public static Status AddLog(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.LOG, Log.Kernel);

    public static Status AddSin(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.SIN, Sin.Kernel);

    public static Status AddCos(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.COS, Cos.Kernel);

    public static Status AddSquare(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.SQUARE, Square.Kernel);

    public static Status AddFloor(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.FLOOR, Floor.Kernel);

    public static Status AddCeil(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.CEIL, Ceil.Kernel);

    public static Status AddRound(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.ROUND, Round.Kernel);

    public static Status AddLogicalNot(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.LOGICAL_NOT, LogicalNot.Kernel);

    static partial void AddUnaryMathKernels(OpResolver resolver, ref Status status)
    {
        if (status == Status.Ok) status = resolver.AddAbs();
        if (status == Status.Ok) status = resolver.AddNeg();
        if (status == Status.Ok) status = resolver.AddSqrt();
        if (status == Status.Ok) status = resolver.AddRsqrt();
        if (status == Status.Ok) status = resolver.AddExp();
        if (status == Status.Ok) status = resolver.AddLog();
        if (status == Status.Ok) status = resolver.AddSin();
        if (status == Status.Ok) status = resolver.AddCos();
        if (status == Status.Ok) status = resolver.AddSquare();
        if (status == Status.Ok) status = resolver.AddFloor();
        if (status == Status.Ok) status = resolver.AddCeil();
        if (status == Status.Ok) status = resolver.AddRound();
        if (status == Status.Ok) status = resolver.AddLogicalNot();
    }
}
