using System;
using System.Collections.Generic;
using TfLiteMicro.Kernels.Tests.Add;
using TfLiteMicro.Kernels.Tests.ControlFlow;
using TfLiteMicro.Kernels.Tests.Decode;
using TfLiteMicro.Kernels.Tests.FullyConnected;
using TfLiteMicro.Kernels.Tests.Signal;
using TfLiteMicro.Ports;
using TfLiteMicro.Testing;
using Xunit;
using Xunit.Sdk;

namespace TfLiteMicro.Kernels.Tests;

/// <summary>
/// A new port is covered by adding one line to ports/kernel-sets (KernelSets.All): the suite's rows come from that
/// list, and every helper (KernelImplementations, DecodeTestSupport, SignalTestSupport, ModelHarness) runs the named
/// set's own kernels. Proved here with a deliberately broken port: each helper's tests must fail with it.
/// </summary>
public class PortCoverageTests
{
    [Fact]
    public void TheSuiteRunsEveryKernelSetOfTheRegistry()
    {
        var names = new List<string>();
        foreach (object[] row in KernelImplementations.All()) names.Add((string)row[0]);
        Assert.Equal(KernelSets.Names, names);
    }

    public static TheoryData<string> HelperTests() => new TheoryData<string>
    {
        "kernel runner (ADD)", "kernel runner (FULLY_CONNECTED)", "DECODE", "Signal", "model harness (IF)",
    };

    [Theory]
    [MemberData(nameof(HelperTests))]
    public void ABrokenPortFailsTheTestsOfEveryHelper(string helper)
    {
        Action test = helper switch
        {
            "kernel runner (ADD)" => () => new AddTests().FloatSameShapeWithEachActivation(CorruptingPort.Name),
            "kernel runner (FULLY_CONNECTED)" => () => new FullyConnectedTests().FloatMatchesGolden(CorruptingPort.Name),
            "DECODE" => () => new DecodeLutTests().DecodesTflmSingleTensorVector(CorruptingPort.Name),
            "Signal" => () => new SignalWindowTests().Length16Shift12(CorruptingPort.Name),
            "model harness (IF)" => () => new IfTests().RunsThenOrElseOnEveryInvoke(CorruptingPort.Name),
            _ => throw new ArgumentException(helper),
        };
        // The same tests pass with the reference kernels...
        using (TestKernelSets.Substitute(CorruptingPort.Set))
        {
            // ...and must fail when the named set's kernels corrupt their outputs.
            Assert.ThrowsAny<XunitException>(test);
        }
    }
}
