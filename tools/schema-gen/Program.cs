using System;
using System.IO;

namespace TfLiteMicro.SchemaGen;

/// <summary>
/// Entry point: <c>schema-gen [schema.fbs] [output directory] [layout file]</c>. Without arguments it finds the
/// repository root (the folder holding TfLiteMicro.sln, searched upwards from the current directory) and uses
/// third_party/tflite/schema.fbs (TFLite's schema, copied into the repository), core/Schema/Generated and
/// tools/flatbuffers/Generated/TfLiteSchemaLayout.g.cs. tests/TfLiteMicro.Schema.Tests checks that the committed
/// output is what this generator makes from that schema.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        string? root = FindRepositoryRoot(Directory.GetCurrentDirectory()) ?? FindRepositoryRoot(AppContext.BaseDirectory);
        string schemaPath = args.Length > 0 ? args[0] : Path.Combine(root ?? ".", "third_party", "tflite", "schema.fbs");
        string outputDirectory = args.Length > 1 ? args[1] : Path.Combine(root ?? ".", "core", "Schema", "Generated");
        if (!File.Exists(schemaPath))
        {
            Console.Error.WriteLine("schema not found: " + schemaPath);
            return 1;
        }
        SchemaDefinition schema = SchemaParser.Parse(File.ReadAllText(schemaPath));
        var emitter = new CodeEmitter(schema);
        emitter.EmitAll();
        emitter.WriteTo(outputDirectory);
        // The field layout for the tool's model rewriter (tflm compress).
        string layoutPath = args.Length > 2 ? args[2] : Path.Combine(root ?? ".", "tools", "flatbuffers", "Generated", "TfLiteSchemaLayout.g.cs");
        File.WriteAllText(layoutPath, new LayoutEmitter(schema).Emit());
        Console.WriteLine("schema-gen: " + schema.Tables.Count + " tables, " + schema.Enums.Count + " enums, " + schema.Unions.Count
            + " unions -> " + emitter.Files.Count + " files in " + Path.GetFullPath(outputDirectory));
        return 0;
    }

    private static string? FindRepositoryRoot(string start)
    {
        for (DirectoryInfo? directory = new DirectoryInfo(start); directory != null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TfLiteMicro.sln"))) return directory.FullName;
        }
        return null;
    }
}
