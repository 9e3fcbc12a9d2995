using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using TfLiteMicro.Kernels.Reference;
using TfLiteMicro.Memory;
using TfLiteMicro.Schema;

namespace TfLiteMicro.Host;

/// <summary>
/// A model ready to run on the host, the way ONNX Runtime and LiteRT users expect: load a .tflite file, get an arena
/// of exactly the size it needs, set inputs by name, <see cref="Run"/>, read outputs — no unsafe code, no pointers.
/// Underneath is the explicit, allocation-free API (<see cref="Interpreter"/>), which device code uses directly; a
/// session adds no cost to <c>Invoke</c>. Failures throw <see cref="InferenceException"/> with the interpreter's message.
/// </summary>
public sealed unsafe class InferenceSession : IDisposable
{
    private readonly ModelBuffer buffer;
    private readonly NativeArena arena;
    private readonly SessionTensor[] inputs;
    private readonly SessionTensor[] outputs;

    private InferenceSession(ModelBuffer buffer, NativeArena arena, MicroInterpreter interpreter)
    {
        this.buffer = buffer;
        this.arena = arena;
        Interpreter = interpreter;
        SubGraph main = interpreter.Model.GetSubgraph(0);
        inputs = Describe(interpreter, main, main.Inputs);
        outputs = Describe(interpreter, main, main.Outputs);
    }

    /// <summary>Loads, verifies and allocates the model in <paramref name="path"/>.</summary>
    public static InferenceSession Open(string path, SessionOptions? options = null) => FromBytes(File.ReadAllBytes(path), options);

    /// <summary>Loads, verifies and allocates a model held in memory (copied into aligned native memory).</summary>
    public static InferenceSession FromBytes(ReadOnlySpan<byte> modelBytes, SessionOptions? options = null)
    {
        options ??= new SessionOptions();
        var buffer = new ModelBuffer(modelBytes);
        NativeArena? arena = null;
        try
        {
            var errors = new ErrorReporter();
            Status loaded = buffer.TryLoadModel(errors, out Model model);
            if (loaded != Status.Ok) throw new InferenceException(loaded, "malformed model: " + errors.MessageText);
            OpResolver resolver = options.Resolver ?? AllReferenceKernels();
            int arenaBytes = options.ArenaBytes ?? RequiredArenaBytes(model, resolver, options.PreserveAllTensors);
            arena = new NativeArena(arenaBytes);
            var interpreterOptions = new InterpreterOptions { PreserveAllTensors = options.PreserveAllTensors, Profiler = options.Profiler };
            var interpreter = new MicroInterpreter(model, resolver, arena.Pointer, arena.Size, interpreterOptions);
            Status allocated = interpreter.AllocateTensors();
            if (allocated != Status.Ok) throw new InferenceException(allocated, interpreter.Errors.MessageText);
            return new InferenceSession(buffer, arena, interpreter);
        }
        catch
        {
            arena?.Dispose();
            buffer.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The smallest arena in which <paramref name="model"/> allocates with <paramref name="resolver"/>
    /// (<see cref="MicroInterpreter.ArenaRequiredBytes"/> after a trial allocation in a large arena).
    /// </summary>
    public static int RequiredArenaBytes(Model model, OpResolver resolver, bool preserveAllTensors = false)
    {
        const int LargestTrial = 1 << 30;
        for (int trialBytes = 1 << 20; ; trialBytes *= 4)
        {
            using var trial = new NativeArena(trialBytes);
            var interpreter = new MicroInterpreter(model, resolver, trial.Pointer, trial.Size,
                new InterpreterOptions { PreserveAllTensors = preserveAllTensors });
            Status status = interpreter.AllocateTensors();
            // Rounded up to the arena alignment: the trial arena ends on a 16-byte boundary, and a smaller arena is
            // laid out the same (persistent data aligned down from its end) only when its end is aligned too.
            if (status == Status.Ok) return ArenaAlignment.AlignSizeUp(interpreter.ArenaRequiredBytes, ArenaAlignment.BufferAlignment);
            if (status != Status.ArenaTooSmall || trialBytes >= LargestTrial) throw new InferenceException(status, interpreter.Errors.MessageText);
        }
    }

    /// <summary>A resolver with every reference kernel (<see cref="ReferenceKernels.AddAll"/>).</summary>
    public static OpResolver AllReferenceKernels()
    {
        var resolver = new OpResolver();
        Status status = ReferenceKernels.AddAll(resolver);
        if (status != Status.Ok) throw new InferenceException(status, resolver.Errors.MessageText);
        return resolver;
    }

    /// <summary>The interpreter underneath (the explicit API: Invoke, Reset, arena report, ...).</summary>
    public MicroInterpreter Interpreter { get; }

    public Model Model => Interpreter.Model;

    /// <summary>Size of this session's arena.</summary>
    public int ArenaBytes => arena.Size;

    /// <summary>Head + tail bytes in use (TFLM's arena_used_bytes()).</summary>
    public int ArenaUsedBytes => Interpreter.ArenaUsedBytes;

    public IReadOnlyList<SessionTensor> Inputs => inputs;

    public IReadOnlyList<SessionTensor> Outputs => outputs;

    public SessionTensor Input(int index) => inputs[index];

    public SessionTensor Output(int index) => outputs[index];

    /// <summary>The input whose tensor is named <paramref name="name"/>; the message lists the names there are.</summary>
    public SessionTensor Input(string name) => Find(inputs, name, "input");

    /// <summary>The output whose tensor is named <paramref name="name"/>; the message lists the names there are.</summary>
    public SessionTensor Output(string name) => Find(outputs, name, "output");

    /// <summary>The signature keys of the model (SignatureDef), in model order.</summary>
    public IReadOnlyList<string> SignatureKeys
    {
        get
        {
            var keys = new List<string>();
            for (int i = 0; i < Model.SignatureDefCount; i++) keys.Add(Text(Model.GetSignatureDef(i).SignatureKey));
            return keys;
        }
    }

    /// <summary>The signature <paramref name="key"/>: its inputs and outputs by their signature names, and Run.</summary>
    public SessionSignature Signature(string key)
    {
        int index = Interpreter.FindSignature(Encoding.UTF8.GetBytes(key));
        if (index < 0)
            throw new KeyNotFoundException("the model has no signature '" + key + "'; its signatures: " + Names(SignatureKeys));
        return new SessionSignature(this, index, key);
    }

    /// <summary>Runs the model once on the current inputs.</summary>
    public void Run() => Check(Interpreter.Invoke());

    /// <summary>Returns stateful operators and variable tensors to their initial state.</summary>
    public void Reset() => Check(Interpreter.Reset());

    public void Dispose()
    {
        arena.Dispose();
        buffer.Dispose();
    }

    internal void Check(Status status)
    {
        if (status != Status.Ok) throw new InferenceException(status, Interpreter.Errors.MessageText);
    }

    internal static string Text(Utf8Span text) => Encoding.UTF8.GetString(text.Bytes);

    internal static string Names(IEnumerable<string> names)
    {
        string list = string.Join(", ", names);
        return list.Length == 0 ? "(none)" : list;
    }

    private static SessionTensor Find(SessionTensor[] tensors, string name, string what)
    {
        foreach (SessionTensor tensor in tensors)
        {
            if (tensor.Name == name) return tensor;
        }
        var names = new List<string>();
        foreach (SessionTensor tensor in tensors) names.Add(tensor.Name);
        throw new KeyNotFoundException("the model has no " + what + " named '" + name + "'; its " + what + "s: " + Names(names));
    }

    private static SessionTensor[] Describe(MicroInterpreter interpreter, SubGraph subgraph, IntVector tensorIndices)
    {
        var tensors = new SessionTensor[tensorIndices.Count];
        for (int i = 0; i < tensors.Length; i++)
        {
            int index = tensorIndices[i];
            tensors[i] = new SessionTensor(interpreter, 0, index, Text(subgraph.GetTensor(index).Name));
        }
        return tensors;
    }
}

/// <summary>One signature (SignatureDef) of a session's model: tensors by the signature's names, and Run.</summary>
public sealed class SessionSignature
{
    private readonly InferenceSession session;
    private readonly int index;

    internal SessionSignature(InferenceSession session, int index, string key)
    {
        this.session = session;
        this.index = index;
        Key = key;
        SignatureDef signature = session.Model.GetSignatureDef(index);
        SubgraphIndex = signature.SubgraphIndex;
        var inputNames = new List<string>();
        for (int i = 0; i < signature.InputCount; i++) inputNames.Add(InferenceSession.Text(signature.GetInput(i).Name));
        var outputNames = new List<string>();
        for (int i = 0; i < signature.OutputCount; i++) outputNames.Add(InferenceSession.Text(signature.GetOutput(i).Name));
        InputNames = inputNames;
        OutputNames = outputNames;
    }

    public string Key { get; }

    public int SubgraphIndex { get; }

    public IReadOnlyList<string> InputNames { get; }

    public IReadOnlyList<string> OutputNames { get; }

    public SessionTensor Input(string name) => Tensor(name, output: false);

    public SessionTensor Output(string name) => Tensor(name, output: true);

    /// <summary>Runs the signature's subgraph once.</summary>
    public void Run() => session.Check(session.Interpreter.InvokeSignature(index));

    private SessionTensor Tensor(string name, bool output)
    {
        SignatureDef signature = session.Model.GetSignatureDef(index);
        int count = output ? signature.OutputCount : signature.InputCount;
        for (int i = 0; i < count; i++)
        {
            TensorMap map = output ? signature.GetOutput(i) : signature.GetInput(i);
            if (InferenceSession.Text(map.Name) == name) return new SessionTensor(session.Interpreter, SubgraphIndex, map.TensorIndex, name);
        }
        string what = output ? "output" : "input";
        throw new KeyNotFoundException("signature '" + Key + "' has no " + what + " named '" + name + "'; its " + what + "s: "
            + InferenceSession.Names(output ? OutputNames : InputNames));
    }
}
