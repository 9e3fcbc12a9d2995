using TfLiteMicro.Kernels.Reference;
using TfLiteMicro.Schema;

namespace TfLiteMicro.Ports.Template;

/// <summary>
/// The template port's one table: the kernels it overrides. Everything else stays the reference kernel. A real
/// port lists more lines here, one per accelerated operator, and nothing else.
/// </summary>
public static class TemplateKernels
{
    /// <summary>Registers every reference kernel, then this port's overrides.</summary>
    public static Status AddAll(OpResolver resolver)
    {
        Status status = ReferenceKernels.AddAll(resolver);
        return status != Status.Ok ? status : OverrideAll(resolver);
    }

    /// <summary>Replaces (or adds) the kernels this port accelerates.</summary>
    public static Status OverrideAll(OpResolver resolver)
    {
        return resolver.Override(BuiltinOperator.ADD, Add.Kernel);
    }
}
