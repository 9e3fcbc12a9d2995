using System;
using System.IO;
using TfLiteMicro.Schema;

namespace TfLiteMicro.Tools.Models;

/// <summary>
/// A .tflite file loaded into aligned native memory (core's <see cref="ModelBuffer"/>) and verified. The
/// <see cref="Model"/> reads that memory in place, so it is valid only until this object is disposed.
/// </summary>
public sealed class ModelFile : IDisposable
{
    private readonly ModelBuffer buffer;

    private ModelFile(string path, ModelBuffer buffer, Model model)
    {
        Path = path;
        this.buffer = buffer;
        Model = model;
    }

    public string Path { get; }

    public int Length => buffer.Length;

    public Model Model { get; }

    /// <summary>Reads and verifies a model; a missing, unreadable or malformed file is a <see cref="ToolException"/>.</summary>
    public static ModelFile Load(string path)
    {
        ModelBuffer buffer;
        try
        {
            buffer = ModelBuffer.FromFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ToolException("cannot read model '" + path + "': " + e.Message);
        }

        var errors = new ErrorReporter();
        if (buffer.TryLoadModel(errors, out Model model) != Status.Ok)
        {
            buffer.Dispose();
            throw new ToolException("malformed model '" + path + "': " + errors.MessageText);
        }
        return new ModelFile(path, buffer, model);
    }

    public void Dispose() => buffer.Dispose();
}
