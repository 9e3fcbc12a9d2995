using TfLiteMicro.Tools;
using TfLiteMicro.Tools.Inspection;
using TfLiteMicro.Tools.Models;
using TfLiteMicro.Tools.Running;
using Xunit;

namespace TfLiteMicro.Golden.Tests;

/// <summary>
/// The shared models TFLM refuses, so they carry no goldens: the Vela-compiled person detector must be refused by
/// name (it needs the Ethos-U NPU), not fail somewhere obscure.
/// </summary>
public class ModelsWithoutGoldensTests
{
    [Fact]
    public void VelaModelIsRejectedAsNeedingTheEthosUNpu()
    {
        ToolException error = Assert.Throws<ToolException>(() =>
        {
            using ModelRunner runner = ModelRunner.Open(GoldenModels.ModelPath("person_detect_vela"));
        });
        Assert.Contains("ethos-u", error.Message);
        Assert.Contains("Ethos-U", error.Message);
    }

    [Theory]
    [InlineData("mlperf_kws_float")]
    [InlineData("mlperf_ad_toycar_quant")]
    public void HybridModelsNeedOnlyRegisteredOperators(string model)
    {
        // What `tflm inspect` reports: every operator of these float-activation, int8-weight models is provided.
        using ModelFile file = ModelFile.Load(GoldenModels.ModelPath(model));
        foreach (RequiredOperatorDescription op in ModelInspector.DescribeRequiredOperators(file.Model, ReferenceResolver.Create()))
        {
            Assert.True(op.Status == RequiredOperatorDescription.SupportedStatus, model + ": " + op.Op + " is " + op.Status);
        }
    }
}
