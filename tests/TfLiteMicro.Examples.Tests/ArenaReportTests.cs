using System.Collections.Generic;
using System.IO;
using TfLiteMicro.Examples.ArenaReport;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Examples.Tests;

public class ArenaReportTests
{
    [Fact]
    public void TFLMs_figures_are_read_from_the_shared_tables()
    {
        var models = TflmFigures.ReadModelsTable(TestData.ModelsReadme);
        Assert.Equal(1184, models["hello_world_int8"].ArenaBytes);
        Assert.Equal("FULLY_CONNECTEDx3", models["hello_world_int8"].Ops);
        Assert.Null(models["person_detect_vela"].ArenaBytes);   // TFLM refuses it: "None"
        Dictionary<string, int> cortexM4 = TflmFigures.ReadCortexM4Arena(TestData.AnchorsReadme);
        Assert.Equal(2260, cortexM4["mlperf_ad_int8"]);
        Assert.Equal(82292, cortexM4["person_detect"]);
    }

    [Fact]
    public void A_model_that_runs_gets_its_arena_and_golden_status()
    {
        string folder = TestData.ModelFolder("hello_world_int8");
        ModelMeasurement row = ModelMeasurer.Measure(folder, "hello_world_int8", "FULLY_CONNECTEDx3", 1184, null);
        Assert.NotNull(row.UsedBytes);
        Assert.True(row.RequiredBytes >= row.UsedBytes);
        Assert.Equal("matches TFLM (3 cases)", row.Status);

        var text = new StringWriter();
        ModelsTable.Write(text, [row]);
        Assert.Contains("| hello_world_int8 | FULLY_CONNECTEDx3 | " + row.UsedBytes.Value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " |", text.ToString());
    }

    [Fact]
    public void A_model_the_kernels_cannot_run_says_why()
    {
        string folder = TestData.ModelFolder("person_detect_vela");
        ModelMeasurement row = ModelMeasurer.Measure(folder, "person_detect_vela", "CUSTOM:ethos-ux1", null, null);
        Assert.Null(row.UsedBytes);
        Assert.StartsWith("fails: ", row.Status);
        Assert.Contains("ethos-u", row.Status);
    }
}
