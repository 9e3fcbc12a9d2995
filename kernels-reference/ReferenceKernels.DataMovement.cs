using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

public static partial class ReferenceKernels
{
    public static Status AddPad(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.PAD, Pad.Kernel);

    /// <summary>PADV2 is PAD with the pad value as a third input; one kernel serves both (as in TFLM).</summary>
    public static Status AddPadV2(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.PADV2, Pad.Kernel);

    public static Status AddStridedSlice(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.STRIDED_SLICE, StridedSlice.Kernel);

    public static Status AddConcatenation(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.CONCATENATION, Concatenation.Kernel);

    public static Status AddTranspose(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.TRANSPOSE, Transpose.Kernel);

    /// <summary>DENSIFY (TFLite's; TFLM has none): sparse constant weights to dense.</summary>
    public static Status AddDensify(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.DENSIFY, Densify.Kernel);

    static partial void AddDataMovementKernels(OpResolver resolver, ref Status status)
    {
        if (status == Status.Ok) status = resolver.AddPad();
        if (status == Status.Ok) status = resolver.AddPadV2();
        if (status == Status.Ok) status = resolver.AddStridedSlice();
        if (status == Status.Ok) status = resolver.AddConcatenation();
        if (status == Status.Ok) status = resolver.AddTranspose();
        if (status == Status.Ok) status = resolver.AddDensify();
    }
}
