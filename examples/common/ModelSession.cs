using System;
using TfLiteMicro.Memory;
using TfLiteMicro.Schema;

namespace TfLiteMicro.Examples;

/// <summary>
/// One model ready to run: its bytes (16-byte aligned, as the reader requires), an arena of a fixed size and the
/// interpreter with its tensors allocated. The examples are host programs, so a failure here is an exception
/// carrying the interpreter's message (the SDK itself only returns a <see cref="Status"/>).
/// </summary>
internal sealed unsafe class ModelSession : IDisposable
{
    private readonly ModelBuffer modelBytes;
    private readonly NativeArena arena;

    private ModelSession(string name, ModelBuffer modelBytes, NativeArena arena, MicroInterpreter interpreter)
    {
        Name = name;
        this.modelBytes = modelBytes;
        this.arena = arena;
        Interpreter = interpreter;
    }

    public string Name { get; }

    public MicroInterpreter Interpreter { get; }

    /// <summary>The arena size the example reserves for this model.</summary>
    public int ArenaBytes => arena.Size;

    public static ModelSession Open(string name, ReadOnlySpan<byte> model, OpResolver resolver, int arenaBytes)
    {
        ModelBuffer modelBytes = new ModelBuffer(model);
        NativeArena? arena = null;
        try
        {
            ErrorReporter errors = new ErrorReporter();
            if (modelBytes.TryLoadModel(errors, out Model loaded) != Status.Ok)
                throw new InvalidOperationException(name + ": " + errors.MessageText);
            arena = new NativeArena(arenaBytes);
            MicroInterpreter interpreter = new MicroInterpreter(loaded, resolver, arena.Pointer, arena.Size);
            if (interpreter.AllocateTensors() != Status.Ok)
                throw new InvalidOperationException(name + ": " + interpreter.Errors.MessageText);
            return new ModelSession(name, modelBytes, arena, interpreter);
        }
        catch
        {
            arena?.Dispose();
            modelBytes.Dispose();
            throw;
        }
    }

    public void Invoke()
    {
        if (Interpreter.Invoke() != Status.Ok)
            throw new InvalidOperationException(Name + ": " + Interpreter.Errors.MessageText);
    }

    public void Reset()
    {
        if (Interpreter.Reset() != Status.Ok)
            throw new InvalidOperationException(Name + ": " + Interpreter.Errors.MessageText);
    }

    public void Dispose()
    {
        arena.Dispose();
        modelBytes.Dispose();
    }
}
