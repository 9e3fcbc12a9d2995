using System.Text.Json;
using Xunit;

namespace TfLiteMicro.Tools.Tests.Cli;

public class InspectCommandTests
{
    public static TheoryData<string> AllModels()
    {
        var data = new TheoryData<string>();
        foreach (string name in TestData.Models.Ids()) data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllModels))]
    public void EverySharedModelInspectsAsText(string model)
    {
        CliResult result = CliResult.Run("inspect", TestData.ModelFile(model));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("operators required:", result.Stdout);
        Assert.Contains("arena: ", result.Stdout);
        Assert.Empty(result.Stderr);
    }

    [Theory]
    [MemberData(nameof(AllModels))]
    public void EverySharedModelInspectsAsJson(string model)
    {
        CliResult result = CliResult.Run("inspect", TestData.ModelFile(model), "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        JsonElement root = json.RootElement;
        Assert.True(root.GetProperty("subgraphs").GetArrayLength() >= 1);
        JsonElement subgraph = root.GetProperty("subgraphs")[0];
        Assert.True(subgraph.GetProperty("operators").GetArrayLength() >= 1);
        Assert.True(subgraph.GetProperty("tensors").GetArrayLength() >= 1);
        Assert.True(root.GetProperty("required_operators").GetArrayLength() >= 1);
        JsonElement arena = root.GetProperty("arena");
        if (arena.GetProperty("planned").GetBoolean()) Assert.True(arena.GetProperty("used_bytes").GetInt32() > 0);
        else Assert.False(string.IsNullOrEmpty(arena.GetProperty("error").GetString()));
    }

    [Fact]
    public void VelaCustomOperatorIsListedAsNotRegistered()
    {
        CliResult result = CliResult.Run("inspect", TestData.ModelFile("person_detect_vela"), "--json");

        Assert.Equal(0, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        JsonElement op = json.RootElement.GetProperty("required_operators")[0];
        Assert.Equal("ethos-u", op.GetProperty("op").GetString());
        Assert.True(op.GetProperty("is_custom").GetBoolean());
        Assert.Equal("not registered", op.GetProperty("status").GetString());
        Assert.False(json.RootElement.GetProperty("all_operators_supported").GetBoolean());
        JsonElement arena = json.RootElement.GetProperty("arena");
        Assert.False(arena.GetProperty("planned").GetBoolean());
        Assert.Contains("ethos-u", arena.GetProperty("error").GetString());
    }

    [Fact]
    public void HelloWorldInt8ShowsOperatorsTensorsQuantizationAndArena()
    {
        CliResult result = CliResult.Run("inspect", TestData.ModelFile("hello_world_int8"), "--json");

        Assert.Equal(0, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        JsonElement subgraph = json.RootElement.GetProperty("subgraphs")[0];
        JsonElement operators = subgraph.GetProperty("operators");
        Assert.Equal(3, operators.GetArrayLength());
        foreach (JsonElement op in operators.EnumerateArray()) Assert.Equal("FULLY_CONNECTED", op.GetProperty("op").GetString());

        int input = subgraph.GetProperty("inputs")[0].GetInt32();
        JsonElement inputTensor = subgraph.GetProperty("tensors")[input];
        Assert.Equal("INT8", inputTensor.GetProperty("type").GetString());
        Assert.Equal(new[] { 1, 1 }, JsonSerializer.Deserialize<int[]>(inputTensor.GetProperty("shape").GetRawText()));
        Assert.False(inputTensor.GetProperty("is_constant").GetBoolean());
        JsonElement quantization = inputTensor.GetProperty("quantization");
        Assert.Equal(-128, quantization.GetProperty("zero_points")[0].GetInt64());
        Assert.Equal(0.0244801f, quantization.GetProperty("scales")[0].GetSingle(), 5);

        JsonElement required = json.RootElement.GetProperty("required_operators")[0];
        Assert.Equal("FULLY_CONNECTED", required.GetProperty("op").GetString());
        Assert.Equal(3, required.GetProperty("uses").GetInt32());
    }

    [Fact]
    public void MissingModelFileIsARuntimeError()
    {
        CliResult result = CliResult.Run("inspect", "/nonexistent/model.tflite");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("/nonexistent/model.tflite", result.Stderr);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void MissingModelArgumentIsAUsageError()
    {
        CliResult result = CliResult.Run("inspect");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("missing MODEL", result.Stderr);
    }

    /// <summary>Every shared model but the Vela one runs with the reference kernels: each node says "supported".</summary>
    [Theory]
    [MemberData(nameof(AllModels))]
    public void EveryOperatorNodeGetsAVerdict(string model)
    {
        CliResult result = CliResult.Run("inspect", TestData.ModelFile(model), "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        JsonElement root = json.RootElement;
        int nodes = 0;
        int unsupported = 0;
        foreach (JsonElement subgraph in root.GetProperty("subgraphs").EnumerateArray())
        {
            foreach (JsonElement op in subgraph.GetProperty("operators").EnumerateArray())
            {
                nodes++;
                bool supported = op.GetProperty("supported").GetBoolean();
                string status = op.GetProperty("status").GetString()!;
                if (supported) Assert.Equal("supported", status);
                else unsupported++;
                if (!supported) Assert.False(string.IsNullOrWhiteSpace(status));
            }
        }
        Assert.Equal(nodes, root.GetProperty("operator_count").GetInt32());
        Assert.Equal(unsupported, root.GetProperty("unsupported_operator_count").GetInt32());
        Assert.Equal(model == "person_detect_vela" ? 1 : 0, unsupported);
        Assert.Equal(unsupported == 0, root.GetProperty("all_operators_supported").GetBoolean());
    }

    [Fact]
    public void TheVelaNodeSaysItNeedsAnEthosUNpu()
    {
        CliResult result = CliResult.Run("inspect", TestData.ModelFile("person_detect_vela"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("NOT SUPPORTED: not provided by TfLiteMicro: custom op 'ethos-u' (the model was compiled by Vela and needs an Arm Ethos-U NPU and its driver)", result.Stdout);
        Assert.Contains("1 of 1 operator nodes are not supported", result.Stdout);
    }

    [Fact]
    public void SupportedModelsSaySoInText()
    {
        CliResult result = CliResult.Run("inspect", TestData.ModelFile("hello_world_int8"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("all 3 operator nodes are supported", result.Stdout);
    }

    [Fact]
    public void EveryProblemOfAModelIsNamedNotJustTheFirst()
    {
        // An unknown custom op, then a CAST from int64 (TFLM's CAST has no int64), then a node that is fine.
        var builder = new TfLiteMicro.Testing.TfLiteModelBuilder();
        TfLiteMicro.Testing.SubgraphBuilder main = builder.AddSubgraph("main");
        int x = main.AddTensor(TensorType.Float32, new[] { 4 });
        int y = main.AddTensor(TensorType.Float32, new[] { 4 });
        int longs = main.AddTensor(TensorType.Int64, new[] { 4 });
        int bytes = main.AddTensor(TensorType.Int8, new[] { 4 });
        int z = main.AddTensor(TensorType.Float32, new[] { 4 });
        main.AddCustomOperator("MY_OP", new[] { x }, new[] { y });
        main.AddOperator((int)TfLiteMicro.Schema.BuiltinOperator.CAST, new[] { longs }, new[] { bytes });
        main.AddOperator((int)TfLiteMicro.Schema.BuiltinOperator.ADD, new[] { x, x }, new[] { z },
            (byte)TfLiteMicro.Schema.BuiltinOptions.AddOptions, new TfLiteMicro.Tools.FlatBuffers.FbTable());
        main.SetInputs(x, longs).SetOutputs(y, bytes, z);
        using var directory = new TempDirectory();
        string path = directory.File("problems.tflite");
        System.IO.File.WriteAllBytes(path, builder.Build());

        CliResult result = CliResult.Run("inspect", path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("NOT SUPPORTED: not provided by TfLiteMicro: custom op 'MY_OP'", result.Stdout);
        Assert.Contains("0:FLOAT32[4] -> 1:FLOAT32[4]", result.Stdout);
        Assert.Matches("CAST .*NOT SUPPORTED: refused at Prepare: .*INT64", result.Stdout);
        Assert.Matches("ADD .* supported", result.Stdout);
        Assert.Contains("2 of 3 operator nodes are not supported", result.Stdout);
    }

    [Fact]
    public void DuplicateOperatorCodeEntriesAreMergedAndTheRequiredArenaRuns()
    {
        // keyword_scrambled lists some operators under several operator-code entries.
        CliResult result = CliResult.Run("inspect", TestData.ModelFile("keyword_scrambled"), "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        var names = new System.Collections.Generic.HashSet<string>();
        int uses = 0;
        foreach (JsonElement op in json.RootElement.GetProperty("required_operators").EnumerateArray())
        {
            Assert.True(names.Add(op.GetProperty("op").GetString()!), "listed twice: " + op.GetProperty("op").GetString());
            uses += op.GetProperty("uses").GetInt32();
        }
        Assert.Equal(json.RootElement.GetProperty("operator_count").GetInt32(), uses);

        // The required arena is what `run --arena` needs; one kernel-set row per set, each planned.
        JsonElement arena = json.RootElement.GetProperty("arena");
        int required = arena.GetProperty("required_bytes").GetInt32();
        Assert.True(required >= arena.GetProperty("used_bytes").GetInt32());
        Assert.Equal(TfLiteMicro.Ports.KernelSets.All.Count, arena.GetProperty("kernel_sets").GetArrayLength());
        using var output = new TempDirectory();
        string input = TestData.Models.File("keyword_scrambled", "case0_in0.npy");
        CliResult fits = CliResult.Run("run", TestData.ModelFile("keyword_scrambled"), "--input", input, "--output-dir", output.Path, "--arena", required.ToString());
        Assert.True(fits.ExitCode == 0, fits.ToString());
        CliResult tooSmall = CliResult.Run("run", TestData.ModelFile("keyword_scrambled"), "--input", input, "--output-dir", output.Path, "--arena", (required - 16).ToString());
        Assert.Equal(1, tooSmall.ExitCode);
    }
}
