using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

public static partial class ReferenceKernels
{
    public static Status AddIf(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.IF, If.Kernel);

    public static Status AddWhile(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.WHILE, While.Kernel);

    public static Status AddCallOnce(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.CALL_ONCE, CallOnce.Kernel);

    public static Status AddVarHandle(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.VAR_HANDLE, VarHandle.Kernel);

    public static Status AddReadVariable(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.READ_VARIABLE, ReadVariable.Kernel);

    public static Status AddAssignVariable(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.ASSIGN_VARIABLE, AssignVariable.Kernel);

    static partial void AddControlFlowKernels(OpResolver resolver, ref Status status)
    {
        if (status == Status.Ok) status = resolver.AddIf();
        if (status == Status.Ok) status = resolver.AddWhile();
        if (status == Status.Ok) status = resolver.AddCallOnce();
        if (status == Status.Ok) status = resolver.AddVarHandle();
        if (status == Status.Ok) status = resolver.AddReadVariable();
        if (status == Status.Ok) status = resolver.AddAssignVariable();
    }
}
