using System;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using TfLiteMicro.Kernels.Reference;
using TfLiteMicro.Schema;
using Xunit;

namespace TfLiteMicro.Tools.Tests.Cli;

/// <summary><c>tflm resolver</c>: C# that registers exactly the operators of the models and of --ops.</summary>
public class ResolverCommandTests
{
    [Fact]
    public void RegistersExactlyTheModelsOperators()
    {
        CliResult result = CliResult.Run("resolver", SharedModels.ModelPath("mlperf_kws_int8"), "--class", "KwsOperators", "--namespace", "Demo.Firmware");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("namespace Demo.Firmware;", result.Stdout);
        Assert.Contains("internal static class KwsOperators", result.Stdout);
        Assert.Contains("public const int Count = 6;", result.Stdout);

        // Calling the generated registration methods gives a resolver with every operator of the model, and no other.
        string[] methods = Regex.Matches(result.Stdout, @"resolver\.(Add\w+)\(\)").Select(m => m.Groups[1].Value).ToArray();
        OpResolver resolver = new();
        foreach (string method in methods)
        {
            MethodInfo registration = typeof(ReferenceKernels).GetMethod(method, new[] { typeof(OpResolver) })
                ?? throw new InvalidOperationException("no ReferenceKernels." + method);
            Assert.Equal(Status.Ok, (Status)registration.Invoke(null, new object[] { resolver })!);
        }
        using ModelBuffer buffer = ModelBuffer.FromFile(SharedModels.ModelPath("mlperf_kws_int8"));
        Assert.Equal(Status.Ok, buffer.TryLoadModel(new ErrorReporter(), out Model model));
        Assert.Equal(model.OperatorCodeCount, resolver.Count);
        for (int i = 0; i < model.OperatorCodeCount; i++) Assert.True(resolver.Contains(model.GetOperatorCode(i).BuiltinCode));
    }

    [Fact]
    public void LegacyUInt8IsLinkedWhenAModelHasUInt8TensorsOrOnRequest()
    {
        // The uint8 kernels are linked on a device only through ReferenceKernels.EnableLegacyUInt8().
        const string enable = "ReferenceKernels.EnableLegacyUInt8();";
        CliResult int8 = CliResult.Run("resolver", SharedModels.ModelPath("mlperf_kws_int8"));
        Assert.True(int8.ExitCode == 0, int8.ToString());
        Assert.DoesNotContain(enable, int8.Stdout);

        CliResult requested = CliResult.Run("resolver", "--ops", "CONV_2D", "--uint8");
        Assert.True(requested.ExitCode == 0, requested.ToString());
        Assert.Contains(enable, requested.Stdout);

        string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"tflm-resolver-uint8-{Guid.NewGuid():N}.tflite");
        try
        {
            System.IO.File.WriteAllBytes(path, RealWorld.RealWorldModelTests.BuildUInt8Model().Bytes);
            CliResult uint8 = CliResult.Run("resolver", path);
            Assert.True(uint8.ExitCode == 0, uint8.ToString());
            Assert.Contains(enable, uint8.Stdout);
            Assert.Contains("resolver.AddConv2D();", uint8.Stdout);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    [Fact]
    public void OpsAddOperatorsByNameIncludingCustomOnes()
    {
        CliResult result = CliResult.Run("resolver", "--ops", "QUANTIZE, CIRCULAR_BUFFER");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("resolver.AddQuantize();", result.Stdout);
        Assert.Contains("resolver.AddCircularBuffer();", result.Stdout);
        Assert.Contains("public const int Count = 2;", result.Stdout);
    }

    [Fact]
    public void AnOperatorWithoutAKernelIsAnErrorThatNamesIt()
    {
        CliResult result = CliResult.Run("resolver", "--ops", "FULLY_CONNECTED,NO_SUCH_OP");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no reference kernel for NO_SUCH_OP (--ops)", result.Stderr);
        Assert.Contains("FULLY_CONNECTED", result.Stderr);
    }

    [Fact]
    public void NothingToRegisterIsAUsageError()
    {
        CliResult result = CliResult.Run("resolver");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("MODEL or --ops", result.Stderr);
    }

    [Fact]
    public void EveryRegistrationMethodAddsOneDistinctOperator()
    {
        var registrations = ReferenceKernels.Registrations;
        Assert.True(registrations.Count > 100, $"only {registrations.Count} registrations found");
        Assert.Equal(registrations.Count, registrations.Select(r => r.OperatorName).Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(registrations, r => r.MethodName == "AddFullyConnected" && r.Builtin == BuiltinOperator.FULLY_CONNECTED);
        Assert.Contains(registrations, r => r.MethodName == "AddDecode" && r.CustomName == "TFLM_DECODE");
    }
}
