using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

public static partial class ReferenceKernels
{
    public static Status AddAdd(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.ADD, Add.Kernel);

    public static Status AddSub(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.SUB, Sub.Kernel);

    public static Status AddMul(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.MUL, Mul.Kernel);

    public static Status AddDiv(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.DIV, Div.Kernel);

    public static Status AddMaximum(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.MAXIMUM, Maximum.Kernel);

    public static Status AddMinimum(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.MINIMUM, Minimum.Kernel);

    static partial void AddElementwiseKernels(OpResolver resolver, ref Status status)
    {
        if (status == Status.Ok) status = resolver.AddAdd();
        if (status == Status.Ok) status = resolver.AddSub();
        if (status == Status.Ok) status = resolver.AddMul();
        if (status == Status.Ok) status = resolver.AddDiv();
        if (status == Status.Ok) status = resolver.AddMaximum();
        if (status == Status.Ok) status = resolver.AddMinimum();
    }
}
