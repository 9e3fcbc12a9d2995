using TfLiteMicro.Kernels.Reference;
using TfLiteMicro.Schema;

namespace TfLiteMicro.Tools.Models;

/// <summary>The op resolver the tool runs models with: every reference kernel.</summary>
public static class ReferenceResolver
{
    public static OpResolver Create()
    {
        var resolver = new OpResolver();
        Status status = ReferenceKernels.AddAll(resolver);
        if (status != Status.Ok) throw new ToolException("cannot register the reference kernels: " + resolver.Errors.MessageText);
        return resolver;
    }

    /// <summary>True when <paramref name="resolver"/> has a kernel for the operator code.</summary>
    public static bool Supports(OpResolver resolver, OperatorCode code) =>
        code.BuiltinCode == BuiltinOperator.CUSTOM ? resolver.FindCustom(code.CustomCode) >= 0 : resolver.Contains(code.BuiltinCode);
}
