using System;
using System.Diagnostics;
using TfLiteMicro.Kernels.Reference;
using TfLiteMicro.Ports.Template;
using TfLiteMicro.Ports.X86Simd;
using TfLiteMicro.Schema;

namespace TfLiteMicro.Fuzz;

/// <summary>
/// Runs one model the way an application would — verify and load, AllocateTensors, fill the inputs, Invoke — with
/// each kernel set, plus the operator check `tflm inspect` makes. The model sits read-only between guard pages and
/// the arena ends at a guard page, so stray reads and writes fault (the worker process dies and the campaign
/// records a crash). Managed allocation during Invoke is measured. Exceptions are caught and reported with the
/// frame that threw; nothing in core or the kernels may throw.
/// </summary>
public sealed unsafe class MutantRunner
{
    public static readonly string[] KernelSetNames = { "reference", "x86-simd", "template" };

    /// <summary>
    /// WHILE iterations per Invoke in the worker: lower than the interpreter's default so that a runaway loop ends in
    /// well under the hang timeout (the bound itself is what is being tested, not its value).
    /// </summary>
    public const int MaxLoopIterations = 10000;

    private readonly string[] kernelSets;
    private readonly OpResolver[] resolvers;

    public MutantRunner(string[] kernelSets)
    {
        this.kernelSets = kernelSets;
        resolvers = new OpResolver[kernelSets.Length];
        for (int k = 0; k < kernelSets.Length; k++) resolvers[k] = CreateResolver(kernelSets[k]);
    }

    public int KernelSetCount => kernelSets.Length;

    public string KernelSetName(int index) => kernelSets[index];

    public static OpResolver CreateResolver(string name)
    {
        var resolver = new OpResolver();
        Status status = name switch
        {
            "reference" => ReferenceKernels.AddAll(resolver),
            "x86-simd" => X86SimdKernels.AddAll(resolver),
            "template" => TemplateKernels.AddAll(resolver),
            _ => throw new ArgumentException("unknown kernel set '" + name + "'; valid: " + string.Join(", ", KernelSetNames)),
        };
        if (status != Status.Ok) throw new InvalidOperationException("cannot register kernels: " + resolver.Errors.MessageText);
        return resolver;
    }

    /// <summary>
    /// Runs <paramref name="model"/> with every kernel set in an arena of <paramref name="arenaBytes"/>; inputs are
    /// filled from <paramref name="inputSeed"/>. <paramref name="exactEnd"/> places the model's last byte against
    /// the guard page (4-byte alignment) instead of 16-byte alignment.
    /// </summary>
    public KernelSetResult[] Run(byte[] model, int arenaBytes, ulong inputSeed, bool exactEnd, bool inspect, Action<int>? beforeKernelSet = null)
    {
        var results = new KernelSetResult[kernelSets.Length];
        using var modelMemory = new GuardedBuffer(model.Length, exactEnd ? 4 : 16);
        model.CopyTo(modelMemory.Span);
        modelMemory.MakeReadOnly();

        var errors = new ErrorReporter();
        Status loaded;
        Model loadedModel;
        try
        {
            loaded = Model.TryCreate(modelMemory.Pointer, model.Length, errors, out loadedModel);
        }
        catch (Exception e)
        {
            results.AsSpan().Fill(new KernelSetResult(Outcome.EscapedException, "load " + Site(e)));
            return results;
        }
        if (loaded != Status.Ok)
        {
            results.AsSpan().Fill(new KernelSetResult(Outcome.RejectedAtLoad, ""));
            return results;
        }

        for (int k = 0; k < kernelSets.Length; k++)
        {
            beforeKernelSet?.Invoke(k);
            results[k] = RunKernelSet(loadedModel, resolvers[k], arenaBytes, inputSeed, inspect && k == 0);
        }
        return results;
    }

    private static KernelSetResult RunKernelSet(Model model, OpResolver resolver, int arenaBytes, ulong inputSeed, bool inspect)
    {
        string phase = "inspect";
        try
        {
            if (inspect)
            {
                using var checkArena = new GuardedBuffer(arenaBytes, 16);
                var checker = new MicroInterpreter(model, resolver, checkArena.Pointer, arenaBytes);
                checker.CheckOperators(new DiscardingSink());
            }

            phase = "allocate";
            using var arena = new GuardedBuffer(arenaBytes, 16);
            var profiler = new AllocationProfiler();
            var interpreter = new MicroInterpreter(model, resolver, arena.Pointer, arenaBytes,
                new InterpreterOptions { Profiler = profiler, MaxLoopIterations = MaxLoopIterations });
            if (interpreter.AllocateTensors() != Status.Ok)
            {
                // What an application does next: look at the inputs anyway (must not throw either).
                interpreter.Input(0);
                return new KernelSetResult(Outcome.RejectedAtAllocate, "");
            }

            phase = "inputs";
            FillInputs(interpreter, inputSeed);

            phase = "invoke";
            int collections = GC.CollectionCount(0);
            long before = GC.GetAllocatedBytesForCurrentThread();
            Status status = interpreter.Invoke();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            collections = GC.CollectionCount(0) - collections;
            if (allocated != 0)
            {
                string where = profiler.HasAllocation ? " in " + profiler.AllocatingOperator : " outside the kernels";
                string failing = status == Status.Ok ? "" : " (failing Invoke: " + Clean(interpreter.Errors.MessageText) + ")";
                long again = AllocatedByFreshInvoke(model, resolver, arenaBytes, inputSeed);
                if (again == 0) return new KernelSetResult(Outcome.FirstUseAllocation, allocated + " bytes" + where);
                return new KernelSetResult(Outcome.Allocation, allocated + " bytes" + where + failing + ", " + again + " again in a fresh interpreter");
            }
            if (status != Status.Ok) return new KernelSetResult(Outcome.RejectedAtInvoke, "");

            phase = "outputs";
            for (int o = 0; o < interpreter.OutputCount; o++) Touch(interpreter.Output(o).DataBytes);
            return new KernelSetResult(Outcome.Ran, "");
        }
        catch (Exception e)
        {
            return new KernelSetResult(Outcome.EscapedException, phase + " " + Site(e));
        }
    }

    /// <summary>Bytes the first Invoke of a second, fresh interpreter over the same model allocates.</summary>
    private static long AllocatedByFreshInvoke(Model model, OpResolver resolver, int arenaBytes, ulong inputSeed)
    {
        using var arena = new GuardedBuffer(arenaBytes, 16);
        var interpreter = new MicroInterpreter(model, resolver, arena.Pointer, arenaBytes, new InterpreterOptions { MaxLoopIterations = MaxLoopIterations });
        if (interpreter.AllocateTensors() != Status.Ok) return 0;
        FillInputs(interpreter, inputSeed);
        long before = GC.GetAllocatedBytesForCurrentThread();
        interpreter.Invoke();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static void FillInputs(MicroInterpreter interpreter, ulong inputSeed)
    {
        var random = new FuzzRandom(inputSeed);
        for (int i = 0; i < interpreter.InputCount; i++)
        {
            TensorInfo input = interpreter.Input(i);
            Span<byte> bytes = input.DataBytes;
            if (bytes.IsEmpty) continue;
            if (input.Type == TensorType.Float32 && random.Chance(1, 2))
            {
                Span<float> values = input.DataAs<float>();
                for (int v = 0; v < values.Length; v++) values[v] = (random.Next(2001) - 1000) / 500f;
            }
            else if (random.Chance(1, 4))
            {
                bytes.Clear();
            }
            else
            {
                random.Fill(bytes);
            }
        }
    }

    private static int Touch(Span<byte> bytes)
    {
        int sum = 0;
        for (int i = 0; i < bytes.Length; i += 64) sum += bytes[i];
        return sum;
    }

    /// <summary>"IndexOutOfRangeException at TfLiteMicro.Kernels.Reference.X.Prepare": the type and the first frame in our code.</summary>
    public static string Site(Exception e)
    {
        var trace = new StackTrace(e, false);
        string site = "?";
        foreach (StackFrame frame in trace.GetFrames())
        {
            var method = frame.GetMethod();
            string? type = method?.DeclaringType?.FullName;
            if (type == null || !type.StartsWith("TfLiteMicro.", StringComparison.Ordinal) || type.StartsWith("TfLiteMicro.Fuzz.", StringComparison.Ordinal)) continue;
            site = type + "." + method!.Name;
            break;
        }
        return e.GetType().Name + " at " + site;
    }

    public static string Clean(string text)
    {
        text = text.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
        return text.Length > 200 ? text.Substring(0, 200) : text;
    }

    private sealed class DiscardingSink : OperatorCheckSink
    {
        public override void Supported(int subgraphIndex, int nodeIndex) { }
        public override void NotRegistered(int subgraphIndex, int nodeIndex, ReadOnlySpan<byte> message) { }
        public override void Rejected(int subgraphIndex, int nodeIndex, KernelPhase phase, Status status, ReadOnlySpan<byte> message) { }
    }
}
