using System;
using System.Collections.Generic;
using System.IO;
using TfLiteMicro.Examples.ArenaReport;
using ArenaReportProgram = TfLiteMicro.Examples.ArenaReport.Program;

namespace TfLiteMicro.DocsGen;

/// <summary>One generated document: its path under the repository and how to make its new text.</summary>
public sealed record DocsTable(string Name, string RelativePath, string Description, Func<string, string, TextWriter?, string> Generate)
{
    public string PathIn(string repositoryRoot) => Path.Combine(repositoryRoot, RelativePath);

    /// <summary>The document as the generator makes it now (the committed file supplies the hand-written parts).</summary>
    public string Make(string repositoryRoot, TextWriter? progress)
    {
        string committed = File.Exists(PathIn(repositoryRoot)) ? File.ReadAllText(PathIn(repositoryRoot)) : "";
        return Generate(repositoryRoot, committed, progress);
    }
}

/// <summary>Every host-side table of docs/ that is generated; the device-side ones (docs/boards.md) come from the firmware build.</summary>
public static class DocsTables
{
    public static readonly DocsTable Models = new("models", "docs/models.md",
        "the arena every test model needs (reference kernels), golden status, TFLM's figures",
        (root, _, progress) =>
        {
            IReadOnlyList<ModelMeasurement> rows = ArenaReportProgram.Measure(Path.Combine(root, "tests", "data"), progress);
            var text = new StringWriter { NewLine = "\n" };
            ModelsTable.Write(text, rows, DocStamp.Line(root));
            return text.ToString();
        });

    public static readonly DocsTable Ops = new("ops", "docs/ops.md",
        "operators, their TFLM golden models and the types covered",
        (root, committed, _) => OpsTable.Generate(Path.Combine(root, "tests", "data", "ops"), committed, "docs/ops.md", DocStamp.Line(root)));

    public static readonly DocsTable Compression = new("compression", "docs/compression.md",
        "flash saved by tflm compress --cluster 16",
        (root, committed, _) => CompressionTable.Generate(Path.Combine(root, "tests", "data", "models"), committed, "docs/compression.md", DocStamp.Line(root)));

    public static readonly DocsTable[] All = { Models, Ops, Compression };

    /// <summary>True when the committed document equals what the generator makes now, its stamp line aside.</summary>
    public static bool IsCurrent(string committed, string generated) =>
        DocStamp.WithoutStamp(committed) == DocStamp.WithoutStamp(generated);
}
