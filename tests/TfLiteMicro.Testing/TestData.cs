using System;
using System.Collections.Generic;
using System.IO;

namespace TfLiteMicro.Testing;

/// <summary>
/// Every lookup of test data goes through here. The data the tests need is in the repository, under
/// <c>tests/data/</c>: <c>models/</c> (real models with TFLM goldens, copied from the project's shared folder, see
/// <c>tests/data/README.md</c>), <c>ops/</c> (one model per operator × type × variant with goldens) and
/// <c>anchors/</c> (TFLM's measured figures); the TFLite schema is <c>third_party/tflite/schema.fbs</c>. A clone
/// with nothing beside it runs every test. When <c>../shared</c> is next to the repository it is an extra source:
/// model folders found only there (new models, the big traces not copied) are tested as well, and the copies are
/// checked against their originals.
/// </summary>
public static class TestData
{
    /// <summary>Whole-network models: <c>tests/data/models/ID</c>, else <c>../shared/models/ID</c>.</summary>
    public static readonly ModelCollection Models = new ModelCollection("models", Path.Combine("models"));

    /// <summary>Single-operator models: <c>tests/data/ops/ID</c>, else <c>../shared/ops/models/ID</c>.</summary>
    public static readonly ModelCollection OpModels = new ModelCollection("ops", Path.Combine("ops", "models"));

    /// <summary><c>tests/data</c> in the repository.</summary>
    public static string Directory => Path.Combine(RepositoryPaths.Root, "tests", "data");

    /// <summary><c>../shared</c> next to the repository, or null when there is none (a plain clone).</summary>
    public static string? SharedDirectory
    {
        get
        {
            string shared = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared"));
            return System.IO.Directory.Exists(shared) ? shared : null;
        }
    }

    /// <summary>A file under <c>../shared</c>, or null when it (or the folder) is absent.</summary>
    public static string? SharedFile(params string[] relativePath)
    {
        string? shared = SharedDirectory;
        if (shared == null) return null;
        string path = Path.Combine(shared, Path.Combine(relativePath));
        return File.Exists(path) ? path : null;
    }

    /// <summary>The folder of model <paramref name="id"/> (model.tflite, caseK_inI.npy, caseK_outJ.npy, trace0/).</summary>
    public static string ModelFolder(string id) => Models.Folder(id);

    /// <summary><c>model.tflite</c> of model <paramref name="id"/>.</summary>
    public static string ModelFile(string id) => Models.ModelFile(id);

    /// <summary>
    /// A file of model <paramref name="id"/>'s TFLM trace of case 0 (<c>trace0/FILE</c>): from the repository when
    /// copied there, else from ../shared (only the traces the kernel tests read are in the repository).
    /// </summary>
    public static string TraceFile(string id, string file) => Models.TraceFile(id, file);

    /// <summary>A sample input of TFLM's examples (<c>models/_data/</c>: speech clips, person images).</summary>
    public static string SampleFile(string name) => Models.File("_data", name);

    /// <summary>The models' README with TFLM's arena figures (<c>tests/data/models/README.md</c>).</summary>
    public static string ModelsReadme => Path.Combine(Directory, "models", "README.md");

    /// <summary>TFLM's measured speed, arena and size (<c>tests/data/anchors/README.md</c>).</summary>
    public static string AnchorsReadme => Path.Combine(Directory, "anchors", "README.md");

    /// <summary>TFLite's FlatBuffers schema, which core/Schema/Generated follows.</summary>
    public static string TfLiteSchema => Path.Combine(RepositoryPaths.Root, "third_party", "tflite", "schema.fbs");

    /// <summary>TFLM's compression metadata schema.</summary>
    public static string CompressionMetadataSchema => Path.Combine(RepositoryPaths.Root, "third_party", "tflite-micro", "compression_metadata.fbs");
}

/// <summary>
/// One collection of model folders: the repository's copy under <c>tests/data/NAME</c> first, then the folder of
/// the same collection under <c>../shared</c> when it exists.
/// </summary>
public sealed class ModelCollection
{
    private readonly string repositoryName;
    private readonly string sharedRelativePath;

    internal ModelCollection(string repositoryName, string sharedRelativePath)
    {
        this.repositoryName = repositoryName;
        this.sharedRelativePath = sharedRelativePath;
    }

    /// <summary><c>tests/data/NAME</c>.</summary>
    public string RepositoryDirectory => Path.Combine(TestData.Directory, repositoryName);

    /// <summary>The same collection under ../shared, or null.</summary>
    public string? SharedDirectory
    {
        get
        {
            string? shared = TestData.SharedDirectory;
            if (shared == null) return null;
            string directory = Path.Combine(shared, sharedRelativePath);
            return System.IO.Directory.Exists(directory) ? directory : null;
        }
    }

    /// <summary>
    /// Every model id (folders holding a model.tflite) of the repository's copy and of ../shared, sorted.
    /// </summary>
    public IReadOnlyList<string> Ids()
    {
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string? directory in new[] { RepositoryDirectory, SharedDirectory })
        {
            if (directory == null || !System.IO.Directory.Exists(directory)) continue;
            foreach (string folder in System.IO.Directory.GetDirectories(directory))
            {
                if (System.IO.File.Exists(Path.Combine(folder, "model.tflite"))) ids.Add(Path.GetFileName(folder));
            }
        }
        return new List<string>(ids);
    }

    /// <summary>The repository's folder of <paramref name="id"/> when it has one, else ../shared's.</summary>
    public string Folder(string id)
    {
        string own = Path.Combine(RepositoryDirectory, id);
        if (System.IO.Directory.Exists(own)) return own;
        string? shared = SharedDirectory;
        if (shared != null && System.IO.Directory.Exists(Path.Combine(shared, id))) return Path.Combine(shared, id);
        throw new DirectoryNotFoundException("no test model '" + id + "' in " + RepositoryDirectory
            + (shared != null ? " or " + shared : " (and no ../shared next to the repository)"));
    }

    public string ModelFile(string id) => Path.Combine(Folder(id), "model.tflite");

    /// <summary>A file of a model folder, from the repository when there, else from ../shared.</summary>
    public string File(string id, string name)
    {
        string own = Path.Combine(RepositoryDirectory, id, name);
        if (System.IO.File.Exists(own)) return own;
        string? shared = SharedDirectory;
        if (shared != null && System.IO.File.Exists(Path.Combine(shared, id, name))) return Path.Combine(shared, id, name);
        throw new FileNotFoundException("no " + id + "/" + name + " in " + RepositoryDirectory + (shared != null ? " or " + shared : ""));
    }

    /// <summary>The trace0 folder of a model, from wherever it exists; null when neither place has one.</summary>
    public string? TraceFolder(string id)
    {
        foreach (string? directory in new[] { RepositoryDirectory, SharedDirectory })
        {
            if (directory == null) continue;
            string trace = Path.Combine(directory, id, "trace0");
            if (System.IO.Directory.Exists(trace)) return trace;
        }
        return null;
    }

    public string TraceFile(string id, string file) =>
        Path.Combine(TraceFolder(id) ?? throw new DirectoryNotFoundException("no trace0 for " + id), file);
}
