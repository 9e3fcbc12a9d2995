using TfLiteMicro.Kernels.Reference;
using TfLiteMicro.Schema;

namespace TfLiteMicro.Ports.CmsisNn;

/// <summary>
/// The cmsis-nn port's one table: every kernel it accelerates, by operator. Selecting the port is one call on a
/// resolver that already holds the reference kernels (<see cref="OverrideAll"/>), or <see cref="AddAll"/> for a
/// fresh resolver; every operator not listed here keeps its reference kernel. On a microcontroller the kernels call
/// the Thumb-2 microkernels of native/ (cores with the DSP extension); elsewhere their C# twins.
/// </summary>
public static class CmsisNnKernels
{
    /// <summary>Registers every reference kernel, then replaces those this port accelerates.</summary>
    public static Status AddAll(OpResolver resolver)
    {
        Status status = ReferenceKernels.AddAll(resolver);
        return status != Status.Ok ? status : OverrideAll(resolver);
    }

    /// <summary>Replaces (or adds) the kernels this port accelerates.</summary>
    public static Status OverrideAll(OpResolver resolver) => Override(resolver, onlyRegistered: false);

    /// <summary>
    /// Replaces the kernels this port accelerates among those already registered, and adds none: for firmware that
    /// registers only its model's operators (firmware/device/FirmwareKernels.cs).
    /// </summary>
    public static Status OverrideRegistered(OpResolver resolver) => Override(resolver, onlyRegistered: true);

    private static Status Override(OpResolver resolver, bool onlyRegistered)
    {
        Status status = Status.Ok;
        Override(resolver, BuiltinOperator.CONV_2D, Conv2D.Kernel, onlyRegistered, ref status);
        Override(resolver, BuiltinOperator.DEPTHWISE_CONV_2D, DepthwiseConv2D.Kernel, onlyRegistered, ref status);
        Override(resolver, BuiltinOperator.FULLY_CONNECTED, FullyConnected.Kernel, onlyRegistered, ref status);
        Override(resolver, BuiltinOperator.ADD, Add.Kernel, onlyRegistered, ref status);
        Override(resolver, BuiltinOperator.AVERAGE_POOL_2D, AveragePool2D.Kernel, onlyRegistered, ref status);
        Override(resolver, BuiltinOperator.MAX_POOL_2D, MaxPool2D.Kernel, onlyRegistered, ref status);
        return status;
    }

    private static void Override(OpResolver resolver, BuiltinOperator op, OpKernel kernel, bool onlyRegistered, ref Status status)
    {
        if (status != Status.Ok || (onlyRegistered && !resolver.Contains(op))) return;
        status = resolver.Override(op, kernel);
    }
}
