using System;
using System.Collections.Generic;
using TfLiteMicro.SchemaGen;
using Xunit;

namespace TfLiteMicro.Schema.Tests;

/// <summary>
/// The model reader follows TFLite's schema through generated code: core/Schema/Generated (enums, options accessors,
/// field ids, table verifiers) and the tool's field layout. Both must be exactly what tools/schema-gen makes from the
/// schema in the repository (third_party/tflite/schema.fbs), so a schema update or a generator change that was not
/// re-run fails here.
/// </summary>
public class GeneratedSchemaTests
{
    private static SchemaDefinition Schema() => SchemaParser.Parse(File.ReadAllText(TestData.TfLiteSchema));

    [Fact]
    public void CoreSchemaGeneratedIsWhatTheGeneratorMakesFromTheSchema()
    {
        var emitter = new CodeEmitter(Schema());
        emitter.EmitAll();
        string directory = Path.Combine(RepositoryPaths.Root, "core", "Schema", "Generated");
        var stale = new List<string>();
        foreach (KeyValuePair<string, string> file in emitter.Files)
        {
            string path = Path.Combine(directory, file.Key);
            if (!File.Exists(path) || File.ReadAllText(path) != file.Value) stale.Add(file.Key);
        }
        foreach (string existing in Directory.GetFiles(directory, "*.cs"))
        {
            if (!emitter.Files.ContainsKey(Path.GetFileName(existing))) stale.Add(Path.GetFileName(existing) + " (not generated any more)");
        }
        Assert.True(stale.Count == 0, "core/Schema/Generated differs from the generator's output; run `dotnet run --project tools/schema-gen`: "
            + string.Join(", ", stale));
    }

    [Fact]
    public void ToolSchemaLayoutIsWhatTheGeneratorMakesFromTheSchema()
    {
        string path = Path.Combine(RepositoryPaths.Root, "tools", "flatbuffers", "Generated", "TfLiteSchemaLayout.g.cs");
        Assert.True(File.ReadAllText(path) == new LayoutEmitter(Schema()).Emit(),
            "TfLiteSchemaLayout.g.cs differs from the generator's output; run `dotnet run --project tools/schema-gen`");
    }

    [Fact]
    public void TheSchemaCopyIsTheSharedSchema()
    {
        Assert.Contains("file_identifier \"TFL3\";", File.ReadAllText(TestData.TfLiteSchema));
        string? shared = TestData.SharedFile("schema", "schema.fbs");
        if (shared != null) Assert.Equal(File.ReadAllBytes(shared), File.ReadAllBytes(TestData.TfLiteSchema));
        string? sharedMetadata = TestData.SharedFile("schema", "metadata.fbs");
        if (sharedMetadata != null) Assert.Equal(File.ReadAllBytes(sharedMetadata), File.ReadAllBytes(TestData.CompressionMetadataSchema));
    }
}
