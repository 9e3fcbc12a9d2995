using System;

namespace TfLiteMicro.BareMetal;

/// <summary>
/// The kernel set the firmware build selected (ports/kernel-sets/firmware.json: <c>--kernels=</c>, or the board's
/// <c>default_kernels</c>), applied to a resolver that holds the reference kernels of the operators a program
/// registered. Compiled into each firmware example (examples/FirmwareExample.props) and into the C API
/// (TfLiteMicro.NativeApi.Device.csproj); the build defines the set's symbol and references its device project.
/// </summary>
internal static class FirmwareKernels
{
#if TFLM_KERNELS_CMSIS_NN
    public static ReadOnlySpan<byte> Name => "cmsis-nn"u8;

    /// <summary>Replaces the registered kernels the port accelerates (ports/cmsis-nn).</summary>
    public static Status Apply(OpResolver resolver) => TfLiteMicro.Ports.CmsisNn.CmsisNnKernels.OverrideRegistered(resolver);
#else
    public static ReadOnlySpan<byte> Name => "reference"u8;

    /// <summary>The reference kernels: nothing to replace.</summary>
    public static Status Apply(OpResolver resolver) => Status.Ok;
#endif
}
