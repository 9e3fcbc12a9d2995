using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

public static partial class ReferenceKernels
{
    public static Status AddSvdf(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.SVDF, Svdf.Kernel);

    static partial void AddSequenceKernels(OpResolver resolver, ref Status status)
    {
        if (status == Status.Ok) status = resolver.AddSvdf();
    }
}
