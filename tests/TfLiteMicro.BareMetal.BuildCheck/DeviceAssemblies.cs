using System;
using System.IO;

namespace TfLiteMicro.BareMetal.BuildCheck;

/// <summary>
/// The assemblies compiled for the device, copied next to the tests by the project file (see
/// CollectDeviceAssemblies in the .csproj).
/// </summary>
internal static class DeviceAssemblies
{
    public const string CoreLib = "TfLiteMicro.BareMetal.CoreLib";
    public const string Core = "TfLiteMicro.Core";
    public const string KernelsReference = "TfLiteMicro.Kernels.Reference";
    public const string PortsCmsisNn = "TfLiteMicro.Ports.CmsisNn";
    public const string Samples = "TfLiteMicro.BareMetal.Samples";

    public static string PathOf(string assemblyName)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "device", assemblyName + ".dll");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                "Device assembly missing; it is built by the Device/ projects this project references.", path);
        }
        return path;
    }
}
