namespace TfLiteMicro.Kernels.Reference;

// Host-only: on .NET, uint8 models always work (code size does not matter there).
internal static partial class LegacyUInt8Kernels
{
    static LegacyUInt8Kernels() => Enable();
}
