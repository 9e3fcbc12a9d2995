using Xunit;

namespace TfLiteMicro.Firmware.Tests;

/// <summary>
/// Every test that builds firmware or runs the Cake script is in this collection, so they run one after another:
/// they share build outputs, and the machine has few cores.
/// </summary>
[CollectionDefinition(Name)]
public sealed class FirmwareCollection
{
    public const string Name = "firmware builds";
}
