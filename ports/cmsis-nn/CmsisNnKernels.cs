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
    public static Status OverrideAll(OpResolver resolver)
    {
        Status status = resolver.Override(BuiltinOperator.CONV_2D, Conv2D.Kernel);
        if (status == Status.Ok) status = resolver.Override(BuiltinOperator.DEPTHWISE_CONV_2D, DepthwiseConv2D.Kernel);
        if (status == Status.Ok) status = resolver.Override(BuiltinOperator.FULLY_CONNECTED, FullyConnected.Kernel);
        return status;
    }
}
