using System;
using System.Linq;
using Xunit;

namespace TfLiteMicro.BareMetal.BuildCheck;

/// <summary>
/// Checks on the device assemblies that the compiler cannot make (it already rejected every API the core library
/// lacks when they were built).
/// </summary>
public class DeviceCodeTests
{
    [Theory]
    [InlineData(DeviceAssemblies.Core)]
    [InlineData(DeviceAssemblies.KernelsReference)]
    [InlineData(DeviceAssemblies.PortsCmsisNn)]
    [InlineData(DeviceAssemblies.CoreLib)]
    [InlineData(DeviceAssemblies.Samples)]
    public void HasNoDoubleArithmetic(string assembly)
    {
        var findings = DoubleUsageScanner.Scan(DeviceAssemblies.PathOf(assembly));
        Assert.True(findings.Count == 0,
            "float64 in " + assembly + " (a Cortex-M4F has no double-precision FPU; use float, integer math, or do it "
            + "on the host):" + Environment.NewLine + string.Join(Environment.NewLine, findings.Select(f => "  " + f)));
    }

    [Theory]
    [InlineData(DeviceAssemblies.Core)]
    [InlineData(DeviceAssemblies.KernelsReference)]
    [InlineData(DeviceAssemblies.PortsCmsisNn)]
    public void HasNoUtf16StringLiterals(string assembly)
    {
        var findings = StringLiteralScanner.Scan(DeviceAssemblies.PathOf(assembly));
        Assert.True(findings.Count == 0,
            "UTF-16 string literals in " + assembly + " (each becomes a frozen string in RAM on the device; write "
            + "message text as \"...\"u8):" + Environment.NewLine + string.Join(Environment.NewLine, findings.Select(f => "  " + f)));
    }

    [Fact]
    public void CoreLibOffersOnlyDotNetApis()
    {
        var problems = CoreLibApiSurface.NotInDotNet(DeviceAssemblies.PathOf(DeviceAssemblies.CoreLib));
        Assert.True(problems.Count == 0,
            "The bare-metal core library must only offer APIs that exist in .NET with the same signature:"
            + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p)));
    }
}
