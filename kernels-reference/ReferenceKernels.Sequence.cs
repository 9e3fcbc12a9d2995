using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

public static partial class ReferenceKernels
{
    public static Status AddSvdf(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.SVDF, Svdf.Kernel);

    public static Status AddUnidirectionalSequenceLstm(this OpResolver resolver) =>
        resolver.AddBuiltin(BuiltinOperator.UNIDIRECTIONAL_SEQUENCE_LSTM, UnidirectionalSequenceLstm.Kernel);

    static partial void AddSequenceKernels(OpResolver resolver, ref Status status)
    {
        if (status == Status.Ok) status = resolver.AddSvdf();
        if (status == Status.Ok) status = resolver.AddUnidirectionalSequenceLstm();
    }
}
