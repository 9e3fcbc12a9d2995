using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace TfLiteMicro.Fuzz;

/// <summary>
/// Shrinks a finding to the fewest edits (and, inside multi-byte writes, the fewest changed bytes) that still give
/// the same signature, re-running each candidate in a fresh-enough worker process (crashes and hangs included).
/// </summary>
public sealed class Minimizer : IDisposable
{
    private readonly FuzzOptions options;
    private readonly List<SeedModel> seeds;
    private readonly Dictionary<int, int> arenaBySeed = new Dictionary<int, int>();
    private readonly string scratch;
    private WorkerProcess? worker;
    private int runs;

    public sealed record Result(byte[] Bytes, string Description, int Runs);

    public Minimizer(FuzzOptions options, List<SeedModel> seeds)
    {
        this.options = options;
        this.seeds = seeds;
        scratch = Path.Combine(Path.GetTempPath(), "tflm-fuzz-" + Environment.ProcessId);
        Directory.CreateDirectory(scratch);
    }

    public Result? Minimize(Mutant mutant, long index, Finding finding)
    {
        runs = 0;
        int arena = Worker.ArenaFor(seeds, mutant.SeedIndex, arenaBySeed, options.MinimumArenaBytes);
        ulong inputSeed = Worker.InputSeed(options.CampaignSeed, index);
        bool exactEnd = Worker.ExactEnd(index);
        bool inspect = Worker.Inspect(index);
        string key = Finding.Key(finding.Outcome, finding.Detail);
        bool Reproduces(Mutant candidate) => Shows(Run(candidate.Build(seeds), arena, inputSeed, exactEnd, inspect), key);

        if (!Reproduces(mutant)) return null;
        List<Edit> edits = mutant.Edits.ToList();
        for (int i = edits.Count - 1; i >= 0 && edits.Count > 1; i--)
        {
            var trial = new List<Edit>(edits);
            trial.RemoveAt(i);
            if (Reproduces(new Mutant(mutant.SeedIndex, trial))) edits = trial;
        }

        // Inside each multi-byte write, put back the bytes that do not matter.
        byte[] baseline = new Mutant(mutant.SeedIndex, edits.Where(e => e is TreeEdit).ToList()).Build(seeds);
        for (int i = 0; i < edits.Count; i++)
        {
            if (edits[i] is not ByteEdit write || write.Bytes.Length < 2) continue;
            byte[] value = (byte[])write.Bytes.Clone();
            for (int b = 0; b < value.Length; b++)
            {
                int at = write.Position + b;
                if ((uint)at >= (uint)baseline.Length || value[b] == baseline[at]) continue;
                byte kept = value[b];
                value[b] = baseline[at];
                var trial = new List<Edit>(edits) { [i] = write with { Bytes = (byte[])value.Clone() } };
                if (Reproduces(new Mutant(mutant.SeedIndex, trial))) edits = trial;
                else value[b] = kept;
            }
        }
        var minimal = new Mutant(mutant.SeedIndex, edits);
        return new Result(minimal.Build(seeds), minimal.Describe(seeds), runs);
    }

    private static bool Shows(KernelSetResult[] results, string key)
    {
        foreach (KernelSetResult result in results)
        {
            if (Finding.Key(result.Outcome, result.Detail) == key) return true;
        }
        return false;
    }

    /// <summary>Runs a model file in the minimization worker; a crash or hang becomes that kernel set's result.</summary>
    public KernelSetResult[] Run(byte[] bytes, int arena, ulong inputSeed, bool exactEnd, bool inspect)
    {
        runs++;
        string path = Path.Combine(scratch, "candidate.tflite");
        File.WriteAllBytes(path, bytes);
        worker ??= new WorkerProcess(options);
        worker.Send("file " + path + " " + arena + " " + inputSeed + " " + (exactEnd ? 1 : 0) + " " + (inspect ? 1 : 0));
        var results = new KernelSetResult[options.KernelSets.Length];
        Array.Fill(results, new KernelSetResult(Outcome.NotRun, ""));
        int kernelSet = 0;
        // As in the campaign, the limit is on the worker's CPU time (a starved worker is not hung).
        TimeSpan limit = TimeSpan.FromSeconds(120);
        DateTime started = DateTime.UtcNow;
        TimeSpan cpuAtStart = TimeSpan.Zero;
        while (true)
        {
            TimeSpan wait = started + limit - DateTime.UtcNow;
            if (wait < TimeSpan.FromMilliseconds(100)) wait = TimeSpan.FromMilliseconds(100);
            bool answered = worker.TryReadLine(wait, out string? line);
            if (!answered && worker.CpuTime - cpuAtStart < limit && DateTime.UtcNow - started < limit * 30) continue;
            if (!answered || line == null)
            {
                KernelSetResult failure;
                if (answered)
                {
                    int code = worker.WaitForExit();
                    failure = new KernelSetResult(Outcome.Crash, WorkerProcess.DescribeCrash(worker.TakeStderr(), code));
                }
                else
                {
                    worker.Kill();
                    failure = new KernelSetResult(Outcome.Hang, "");
                }
                worker.Dispose();
                worker = null;
                results[kernelSet] = failure;
                return results;
            }
            switch (line[0])
            {
                case 'B':
                    limit = TimeSpan.FromSeconds(options.TimeoutSeconds);
                    started = DateTime.UtcNow;
                    cpuAtStart = worker.CpuTime;
                    break;
                case 'K':
                    kernelSet = int.Parse(line.AsSpan(2));
                    break;
                case 'R':
                    results = Worker.Parse(line, out _);
                    break;
                case 'D':
                    return results;
            }
        }
    }

    public void Dispose()
    {
        worker?.Dispose();
        try
        {
            Directory.Delete(scratch, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
