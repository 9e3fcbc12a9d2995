namespace TfLiteMicro;

// Host-only: on .NET, LUT-compressed models always work (code size does not matter there).
public sealed partial class MicroInterpreter
{
    static MicroInterpreter() => EnableCompression();
}
