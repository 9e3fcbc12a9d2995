using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using TfLiteMicro.Schema;

namespace TfLiteMicro.Fuzz;

/// <summary>
/// The worker process: reads commands from stdin, runs mutants, and writes one line before ("B index") and one
/// after ("R index outcome detail ...") each, flushed, so the campaign knows which mutant a crash or hang belongs to.
/// Commands: "run FIRST COUNT" (mutants of the campaign), "file PATH ARENA INPUTSEED EXACTEND INSPECT" (a model file, for
/// minimization and replay), "quit".
/// </summary>
public static class Worker
{
    public static int Serve(FuzzOptions options)
    {
        PrecompileLibraries();
        List<SeedModel> seeds = SeedModel.LoadAll(options.SeedDirectories);
        var runner = new MutantRunner(options.KernelSets);
        var arenaBySeed = new Dictionary<int, int>();
        // Warm-up: every seed once through every kernel set, so the common code paths are compiled before mutants run.
        for (int s = 0; s < seeds.Count; s++)
        {
            runner.Run(seeds[s].Bytes, ArenaFor(seeds, s, arenaBySeed, options.MinimumArenaBytes), 1, exactEnd: false, inspect: false);
        }
        TextWriter output = Console.Out;
        Action<int> progress = k =>
        {
            output.Write("K " + k + "\n");
            output.Flush();
        };
        string? line;
        while ((line = Console.In.ReadLine()) != null)
        {
            string[] parts = line.Split(' ');
            if (parts[0] == "quit") break;
            if (parts[0] == "run")
            {
                long first = long.Parse(parts[1]);
                int count = int.Parse(parts[2]);
                for (long index = first; index < first + count; index++)
                {
                    output.Write("B " + index + "\n");
                    output.Flush();
                    Mutant mutant = Mutator.Create(seeds, options.CampaignSeed, index);
                    int arena = ArenaFor(seeds, mutant.SeedIndex, arenaBySeed, options.MinimumArenaBytes);
                    byte[] bytes = mutant.Build(seeds);
                    KernelSetResult[] results = runner.Run(bytes, arena, InputSeed(options.CampaignSeed, index), ExactEnd(index), Inspect(index), progress);
                    output.Write(Format(index, results));
                    output.Flush();
                }
                output.Write("D\n");
                output.Flush();
            }
            else if (parts[0] == "file")
            {
                // file PATH ARENA INPUTSEED EXACTEND INSPECT (the path may not contain spaces)
                byte[] bytes = File.ReadAllBytes(parts[1]);
                output.Write("B -1\n");
                output.Flush();
                KernelSetResult[] results = runner.Run(bytes, int.Parse(parts[2]), ulong.Parse(parts[3]), parts[4] == "1", parts[5] == "1", progress);
                output.Write(Format(-1, results));
                output.Write("D\n");
                output.Flush();
            }
        }
        return 0;
    }

    /// <summary>
    /// JIT-compiles every non-generic method of core, the kernels and the ports before the first mutant, so that
    /// compiling them on first use does not count as an allocation in Invoke (type initializers still run lazily,
    /// so a kernel that allocates a table on first use is still caught).
    /// </summary>
    internal static void PrecompileLibraries()
    {
        foreach (System.Reflection.Assembly assembly in new[]
        {
            typeof(MicroInterpreter).Assembly, typeof(Kernels.Reference.ReferenceKernels).Assembly,
            typeof(Ports.X86Simd.X86SimdKernels).Assembly, typeof(Ports.Template.TemplateKernels).Assembly,
        })
        {
            foreach (Type type in assembly.GetTypes())
            {
                if (type.ContainsGenericParameters) continue;
                const System.Reflection.BindingFlags all = System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic
                    | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.DeclaredOnly;
                foreach (System.Reflection.MethodInfo method in type.GetMethods(all))
                {
                    if (method.IsAbstract || method.ContainsGenericParameters) continue;
                    try
                    {
                        System.Runtime.CompilerServices.RuntimeHelpers.PrepareMethod(method.MethodHandle);
                    }
                    catch (Exception e) when (e is ArgumentException or NotSupportedException or InvalidOperationException or BadImageFormatException)
                    {
                        // Methods the runtime cannot compile ahead of a call (e.g. some intrinsics) are compiled on first use.
                    }
                }
            }
        }
    }

    public static ulong InputSeed(ulong campaignSeed, long index) => FuzzRandom.ForMutant(campaignSeed ^ 0x5EED, index).NextUInt64();

    /// <summary>Every other mutant ends exactly at the guard page (4-byte aligned) rather than 16-byte aligned.</summary>
    public static bool ExactEnd(long index) => (index & 1) == 1;

    /// <summary>One mutant in four also gets the operator check of `tflm inspect`.</summary>
    public static bool Inspect(long index) => (index & 3) == 0;

    public static string Format(long index, KernelSetResult[] results)
    {
        var text = new StringBuilder("R ").Append(index);
        foreach (KernelSetResult result in results)
        {
            text.Append('\t').Append(Outcomes.Code(result.Outcome)).Append('\t').Append(MutantRunner.Clean(result.Detail));
        }
        return text.Append('\n').ToString();
    }

    public static KernelSetResult[] Parse(string line, out long index)
    {
        string[] parts = line.Split('\t');
        index = long.Parse(parts[0].Substring(2));
        var results = new KernelSetResult[(parts.Length - 1) / 2];
        for (int k = 0; k < results.Length; k++) results[k] = new KernelSetResult(Outcomes.Parse(parts[1 + 2 * k]), parts[2 + 2 * k]);
        return results;
    }

    /// <summary>
    /// The arena for mutants of a seed: twice what the seed needs with the reference kernels plus 64 KB, at least
    /// <paramref name="minimum"/>. Room to grow, yet small enough that a mutant cannot make a kernel run for minutes.
    /// </summary>
    public static unsafe int ArenaFor(List<SeedModel> seeds, int seedIndex, Dictionary<int, int> cache, int minimum)
    {
        if (cache.TryGetValue(seedIndex, out int known)) return known;
        int required = 0;
        const int trialBytes = 64 << 20;
        using (var trial = new GuardedBuffer(seeds[seedIndex].Bytes.Length, 16))
        using (var arena = new GuardedBuffer(trialBytes, 16))
        {
            seeds[seedIndex].Bytes.CopyTo(trial.Span);
            var errors = new ErrorReporter();
            if (Model.TryCreate(trial.Pointer, trial.Size, errors, out Model model) == Status.Ok)
            {
                var interpreter = new MicroInterpreter(model, MutantRunner.CreateResolver("reference"), arena.Pointer, trialBytes);
                if (interpreter.AllocateTensors() == Status.Ok) required = interpreter.ArenaRequiredBytes;
            }
        }
        int bytes = Math.Max(minimum, 2 * required + 65536);
        cache[seedIndex] = bytes;
        return bytes;
    }
}
