using System.Runtime.CompilerServices;

// The kernel tests reach the twins directly; the microkernel checks run the same calls on the device (native code)
// and on the host (C# twins). In this file, not the .csproj, so the device build has the attributes too.
[assembly: InternalsVisibleTo("TfLiteMicro.Kernels.Tests")]
[assembly: InternalsVisibleTo("cmsis-nn-checks")]
[assembly: InternalsVisibleTo("TfLiteMicro.Firmware.Tests")]
