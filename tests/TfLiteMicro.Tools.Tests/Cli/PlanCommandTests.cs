using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;
using Xunit;

namespace TfLiteMicro.Tools.Tests.Cli;

/// <summary>
/// <c>tflm plan</c>: for every test model the plan and its SVG are written, and the plan is consistent — two tensors
/// alive at the same step never share bytes (which checks the lifetimes the tool computes against the addresses the
/// interpreter's planner really committed).
/// </summary>
public class PlanCommandTests
{
    public static TheoryData<string> Models()
    {
        var data = new TheoryData<string>();
        foreach (string id in TestData.Models.Ids()) data.Add(id);
        return data;
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void EveryModelGetsAConsistentPlanAndAnSvg(string model)
    {
        using var directory = new TempDirectory();
        string svg = directory.File("plan.svg");
        CliResult result = CliResult.Run("plan", TestData.ModelFile(model), "--svg", svg, "--json");
        if (model == "person_detect_vela")
        {
            // Needs the Ethos-U NPU: no plan, and the message says why.
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("ethos-u", result.Stderr);
            return;
        }
        Assert.True(result.ExitCode == 0, result.ToString());
        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        var tensors = json.RootElement.GetProperty("tensors").EnumerateArray()
            .Select(t => (Offset: t.GetProperty("offset").GetInt32(), Bytes: t.GetProperty("bytes").GetInt32(),
                First: t.GetProperty("first_step").GetInt32(), Last: t.GetProperty("last_step").GetInt32(),
                Name: t.GetProperty("subgraph").GetInt32() + ":" + t.GetProperty("index").GetInt32()))
            .ToList();
        int head = json.RootElement.GetProperty("head_bytes").GetInt32();
        Assert.True(json.RootElement.GetProperty("arena_required_bytes").GetInt32() >= json.RootElement.GetProperty("arena_used_bytes").GetInt32());
        var overlaps = new List<string>();
        for (int i = 0; i < tensors.Count; i++)
        {
            Assert.True(tensors[i].Offset + tensors[i].Bytes <= head, tensors[i].Name + " ends past the head");
            for (int j = i + 1; j < tensors.Count; j++)
            {
                var a = tensors[i];
                var b = tensors[j];
                bool sameTime = a.First <= b.Last && b.First <= a.Last;
                bool sameBytes = a.Offset < b.Offset + b.Bytes && b.Offset < a.Offset + a.Bytes;
                if (sameTime && sameBytes && a.Bytes > 0 && b.Bytes > 0) overlaps.Add(a.Name + " and " + b.Name);
            }
        }
        Assert.True(overlaps.Count == 0, model + ": tensors alive together share bytes: " + string.Join(", ", overlaps.Take(10)));

        XDocument picture = XDocument.Load(svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", picture.Root!.Name);
        // The frame plus one box per planned tensor.
        Assert.Equal(tensors.Count + 1, picture.Root.Elements(ns + "rect").Count());
    }

    [Fact]
    public void TextListsOffsetsSizesAndLifetimes()
    {
        CliResult result = CliResult.Run("plan", TestData.ModelFile("hello_world_int8"));
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("bytes required", result.Stdout);
        Assert.Contains("offset", result.Stdout);
        Assert.Contains("FULLY_CONNECTED", result.Stdout);
    }

    [Fact]
    public void UnknownKernelSetListsTheValidOnes()
    {
        CliResult result = CliResult.Run("plan", TestData.ModelFile("hello_world_int8"), "--kernels", "npu");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("valid kernel sets: reference", result.Stderr);
    }
}
