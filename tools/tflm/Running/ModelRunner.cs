using System;
using System.Collections.Generic;
using TfLiteMicro.Memory;
using TfLiteMicro.Tools.Models;
using TfLiteMicro.Npy;

namespace TfLiteMicro.Tools.Running;

/// <summary>
/// One model ready to run with the reference kernels: loaded, verified and allocated in its own arena. This is
/// what <c>tflm run</c> does and what the golden tests call, so both exercise the same path. Failures are
/// <see cref="ToolException"/>s whose message fits on one line.
/// </summary>
public sealed class ModelRunner : IDisposable
{
    public const int DefaultArenaBytes = 16 * 1024 * 1024;

    private readonly ModelFile modelFile;
    private readonly NativeArena arena;
    private readonly MicroInterpreter interpreter;

    private ModelRunner(ModelFile modelFile, NativeArena arena, MicroInterpreter interpreter)
    {
        this.modelFile = modelFile;
        this.arena = arena;
        this.interpreter = interpreter;
    }

    public ModelFile ModelFile => modelFile;

    public MicroInterpreter Interpreter => interpreter;

    public int InputCount => interpreter.InputCount;

    public int OutputCount => interpreter.OutputCount;

    public int ArenaBytes => arena.Size;

    public int ArenaUsedBytes => interpreter.ArenaUsedBytes;

    /// <summary>
    /// Loads <paramref name="modelPath"/> and allocates its tensors in an arena of exactly
    /// <paramref name="arenaBytes"/>. With <paramref name="preserveAllTensors"/> every intermediate tensor keeps
    /// its own memory so it can be read after Invoke (for traces).
    /// </summary>
    public static ModelRunner Open(string modelPath, int arenaBytes = DefaultArenaBytes, bool preserveAllTensors = false,
        string kernels = KernelSetOption.DefaultName, TfLiteMicro.Profiling.MicroProfiler? profiler = null) =>
        Open(modelPath, KernelSetOption.CreateResolver(kernels), arenaBytes, preserveAllTensors, profiler);

    /// <summary>As <see cref="Open(string, int, bool, string, TfLiteMicro.Profiling.MicroProfiler?)"/>, with the kernels of <paramref name="resolver"/>.</summary>
    public static unsafe ModelRunner Open(string modelPath, OpResolver resolver, int arenaBytes = DefaultArenaBytes, bool preserveAllTensors = false,
        TfLiteMicro.Profiling.MicroProfiler? profiler = null)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        if (arenaBytes <= 0) throw new ToolException("arena size must be positive, got " + arenaBytes);
        ModelFile modelFile = ModelFile.Load(modelPath);
        NativeArena? arena = null;
        try
        {
            arena = new NativeArena(arenaBytes);
            var options = new InterpreterOptions { PreserveAllTensors = preserveAllTensors, Profiler = profiler };
            var interpreter = new MicroInterpreter(modelFile.Model, resolver, arena.Pointer, arena.Size, options);
            Status status = interpreter.AllocateTensors();
            if (status != Status.Ok) throw new ToolException(DescribeAllocationFailure(modelFile, resolver, status, interpreter.Errors.MessageText, arenaBytes, preserveAllTensors));
            return new ModelRunner(modelFile, arena, interpreter);
        }
        catch
        {
            arena?.Dispose();
            modelFile.Dispose();
            throw;
        }
    }

    /// <summary>Checks every input against the model's input tensor (count, dtype, shape) and copies it in.</summary>
    public void SetInputs(IReadOnlyList<NpyArray> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count != InputCount)
        {
            throw new ToolException("the model has " + InputCount + " input" + (InputCount == 1 ? "" : "s") + " but "
                + inputs.Count + " .npy input" + (inputs.Count == 1 ? " was" : "s were") + " given");
        }
        for (int i = 0; i < inputs.Count; i++)
        {
            CheckInput(i, inputs[i]);
        }
        for (int i = 0; i < inputs.Count; i++)
        {
            inputs[i].Data.CopyTo(interpreter.Input(i).DataBytes);
        }
    }

    /// <summary>Returns the model to its initial state (variable tensors, stateful kernels), as for a new case.</summary>
    public void Reset()
    {
        Status status = interpreter.Reset();
        if (status != Status.Ok) throw new ToolException("reset failed: " + interpreter.Errors.MessageText);
    }

    public void Invoke()
    {
        Status status = interpreter.Invoke();
        if (status != Status.Ok) throw new ToolException("invoke failed: " + interpreter.Errors.MessageText);
    }

    public NpyArray ReadOutput(int index)
    {
        if ((uint)index >= (uint)OutputCount) throw new ArgumentOutOfRangeException(nameof(index));
        return ReadTensor(interpreter.Output(index), "output " + index);
    }

    public IReadOnlyList<NpyArray> ReadOutputs()
    {
        var outputs = new NpyArray[OutputCount];
        for (int i = 0; i < outputs.Length; i++) outputs[i] = ReadOutput(i);
        return outputs;
    }

    /// <summary>A copy of a tensor's current contents with its dtype and shape.</summary>
    public static NpyArray ReadTensor(TensorInfo tensor, string what)
    {
        if (!TensorTypeMapping.TryGetNpyType(tensor.Type, out NpyDType dtype))
            throw new ToolException(what + " has type " + TensorTypes.NameText(tensor.Type) + ", which .npy files cannot hold");
        return new NpyArray(dtype, tensor.Shape, tensor.DataBytes.ToArray());
    }

    public void Dispose()
    {
        arena.Dispose();
        modelFile.Dispose();
    }

    private void CheckInput(int index, NpyArray input)
    {
        TensorInfo tensor = interpreter.Input(index);
        string expected = TensorTypeMapping.NpyName(tensor.Type) + NpyArray.FormatShape(tensor.Shape);
        string actual = NpyDTypes.Name(input.DType) + NpyArray.FormatShape(input.Shape);
        bool typeMatches = TensorTypeMapping.TryGetNpyType(tensor.Type, out NpyDType wanted) && wanted == input.DType;
        if (!typeMatches)
            throw new ToolException("input " + index + ": wrong dtype: expected " + expected + ", got " + actual);
        if (!input.Shape.SequenceEqual(tensor.Shape))
            throw new ToolException("input " + index + ": wrong shape: expected " + expected + ", got " + actual);
    }

    private static string DescribeAllocationFailure(ModelFile modelFile, OpResolver resolver, Status status, string message,
        int arenaBytes, bool preserveAllTensors)
    {
        if (status != Status.ArenaTooSmall) return message;
        // Say what would be enough: search for the smallest arena that allocates.
        int? needed = ArenaTrial.FindMinimumArenaBytes(modelFile.Model, resolver, preserveAllTensors, failingBytes: arenaBytes);
        return needed.HasValue ? message + " (this model needs an arena of " + needed.Value + " bytes; try --arena " + needed.Value + ")" : message;
    }
}
