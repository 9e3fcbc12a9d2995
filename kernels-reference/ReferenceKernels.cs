using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// Registration of the reference kernels: one extension method per operator, so an application registers only
/// the ops its model needs (<c>resolver.AddFullyConnected()</c>) and nothing else gets linked; tools and tests
/// call <see cref="AddAll"/>.
/// </summary>
public static class ReferenceKernels
{
    public static Status AddFullyConnected(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.FULLY_CONNECTED, FullyConnected.Kernel);

    public static Status AddQuantize(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.QUANTIZE, Quantize.Kernel);

    public static Status AddDequantize(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.DEQUANTIZE, Dequantize.Kernel);

    public static Status AddReshape(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.RESHAPE, Reshape.Kernel);

    /// <summary>Adds every reference kernel to <paramref name="resolver"/>; stops at the first failure.</summary>
    public static Status AddAll(OpResolver resolver)
    {
        Status status = resolver.AddFullyConnected();
        if (status == Status.Ok) status = resolver.AddQuantize();
        if (status == Status.Ok) status = resolver.AddDequantize();
        if (status == Status.Ok) status = resolver.AddReshape();
        return status;
    }
}
