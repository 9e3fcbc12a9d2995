using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;

namespace TfLiteMicro.Fuzz;

/// <summary>
/// A fuzzing campaign: hands chunks of mutant indices to <see cref="FuzzOptions.Jobs"/> worker processes, turns a
/// worker that dies into a crash and one that stops answering into a hang (both attributed to the mutant and kernel
/// set it was running, and the worker is restarted after it), counts outcomes per kernel set, and saves and
/// minimizes one input per distinct finding.
/// </summary>
public sealed class Campaign
{
    private const int ChunkSize = 32;
    /// <summary>CPU time a worker may take to start (load the seeds, compile and warm up) before it counts as failed.</summary>
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(120);
    /// <summary>Wall time after which a worker that uses no CPU (blocked, not computing) still counts as hung.</summary>
    private const int WallTimeoutFactor = 30;
    /// <summary>Worker restarts in a row that fail before running a mutant before the campaign gives up.</summary>
    private const int MaxStartupFailures = 3;

    private readonly FuzzOptions options;
    private readonly List<SeedModel> seeds;
    private readonly long[,] counts;
    private readonly Dictionary<string, Finding> findings = new Dictionary<string, Finding>();
    private readonly object gate = new object();
    private long nextIndex;
    private long completed;
    private long end;
    private DateTime deadline;

    public Campaign(FuzzOptions options)
    {
        this.options = options;
        seeds = SeedModel.LoadAll(options.SeedDirectories);
        if (seeds.Count == 0) throw new ArgumentException("no *.tflite seeds under " + string.Join(", ", options.SeedDirectories));
        counts = new long[options.KernelSets.Length, Outcomes.All.Length];
    }

    public IReadOnlyDictionary<string, Finding> Findings => findings;

    public int Run(TextWriter log)
    {
        nextIndex = options.First;
        end = options.Count.HasValue ? options.First + options.Count.Value : long.MaxValue;
        deadline = options.Minutes.HasValue ? DateTime.UtcNow.AddMinutes(options.Minutes.Value) : DateTime.MaxValue;
        log.WriteLine("tflm-fuzz: campaign seed " + options.CampaignSeed + ", " + seeds.Count + " seed models, kernel sets "
            + string.Join(", ", options.KernelSets) + ", " + options.Jobs + " worker(s), timeout " + options.TimeoutSeconds + " s"
            + (GuardedBuffer.IsSupported ? ", guard pages on" : ", guard pages unavailable on this OS"));
        var clock = Stopwatch.StartNew();
        var threads = new List<Thread>();
        Exception? failure = null;
        for (int j = 0; j < options.Jobs; j++)
        {
            var thread = new Thread(() =>
            {
                try
                {
                    Drive();
                }
                catch (Exception e)
                {
                    lock (gate) failure ??= e;
                    Interlocked.Exchange(ref nextIndex, long.MaxValue);
                }
            });
            thread.Start();
            threads.Add(thread);
        }
        long lastReport = 0;
        while (threads.Any(t => t.IsAlive))
        {
            Thread.Sleep(200);
            if (clock.ElapsedMilliseconds - lastReport >= 30000)
            {
                lastReport = clock.ElapsedMilliseconds;
                long done = Interlocked.Read(ref completed);
                log.WriteLine("  " + done + " mutants, " + (done / clock.Elapsed.TotalSeconds).ToString("F1") + "/s, " + findings.Count + " distinct findings");
            }
        }
        if (failure != null) throw new InvalidOperationException("campaign failed: " + failure.Message, failure);
        clock.Stop();
        log.Write(FormatTable(clock.Elapsed));
        if (findings.Count > 0)
        {
            string outputDirectory = options.OutputDirectory ?? Path.Combine(FuzzOptions.RepositoryRoot(), "artifacts", "fuzz", "seed-" + options.CampaignSeed);
            SaveFindings(outputDirectory, log);
        }
        return findings.Count == 0 ? 0 : 2;
    }

    public long Completed => completed;

    private bool TryTakeChunk(out long first, out int count)
    {
        first = 0;
        count = 0;
        if (DateTime.UtcNow >= deadline) return false;
        long start = Interlocked.Add(ref nextIndex, ChunkSize) - ChunkSize;
        if (start >= end || start < 0) return false;
        first = start;
        count = (int)Math.Min(ChunkSize, end - start);
        return true;
    }

    /// <summary>One worker's loop: chunks until the campaign ends, restarting the worker after a crash or hang.</summary>
    private void Drive()
    {
        WorkerProcess worker = new WorkerProcess(options);
        try
        {
            while (TryTakeChunk(out long first, out int count))
            {
                worker = RunChunk(worker, first, first + count);
            }
        }
        finally
        {
            worker.Dispose();
        }
    }

    private WorkerProcess RunChunk(WorkerProcess worker, long next, long chunkEnd)
    {
        TimeSpan timeout = TimeSpan.FromSeconds(options.TimeoutSeconds);
        worker.Send("run " + next + " " + (chunkEnd - next));
        long current = -1;
        int kernelSet = 0;
        int startupFailures = 0;
        // The limit is on the worker's CPU time since the mutant began (or since the worker started), so a worker
        // starved of a core is never called hung; a worker that burns no CPU at all is, after WallTimeoutFactor times.
        DateTime started = DateTime.UtcNow;
        TimeSpan cpuAtStart = TimeSpan.Zero;
        while (true)
        {
            TimeSpan limit = current >= 0 ? timeout : StartupTimeout;
            TimeSpan wait = started + limit - DateTime.UtcNow;
            if (wait < TimeSpan.FromMilliseconds(100)) wait = TimeSpan.FromMilliseconds(100);
            bool answered = worker.TryReadLine(wait, out string? line);
            if (!answered)
            {
                TimeSpan cpu = worker.CpuTime - cpuAtStart;
                bool wallExceeded = DateTime.UtcNow - started > limit * WallTimeoutFactor;
                if (cpu < limit && !wallExceeded) continue;
            }
            if (!answered || line == null)
            {
                Outcome outcome;
                string detail;
                if (answered)
                {
                    // End of stdout: the worker died.
                    int code = worker.WaitForExit();
                    outcome = Outcome.Crash;
                    detail = WorkerProcess.DescribeCrash(worker.TakeStderr(), code);
                }
                else
                {
                    worker.Kill();
                    worker.TakeStderr();
                    outcome = Outcome.Hang;
                    detail = "in " + (current >= 0 ? seeds[Mutator.Create(seeds, options.CampaignSeed, current).SeedIndex].Name : "startup");
                }
                worker.Dispose();
                worker = new WorkerProcess(options);
                started = DateTime.UtcNow;
                cpuAtStart = TimeSpan.Zero;
                if (current < 0)
                {
                    if (++startupFailures >= MaxStartupFailures)
                        throw new InvalidOperationException("worker failed " + startupFailures + " times before running a mutant: " + detail);
                }
                else
                {
                    startupFailures = 0;
                    Record(current, kernelSet, new KernelSetResult(outcome, detail));
                    for (int k = kernelSet + 1; k < options.KernelSets.Length; k++) Record(current, k, new KernelSetResult(Outcome.NotRun, ""));
                    next = current + 1;
                }
                if (next >= chunkEnd) return worker;
                worker.Send("run " + next + " " + (chunkEnd - next));
                current = -1;
                continue;
            }
            switch (line[0])
            {
                case 'B':
                    current = long.Parse(line.AsSpan(2));
                    kernelSet = 0;
                    startupFailures = 0;
                    started = DateTime.UtcNow;
                    cpuAtStart = worker.CpuTime;
                    break;
                case 'K':
                    kernelSet = int.Parse(line.AsSpan(2));
                    break;
                case 'R':
                    KernelSetResult[] results = Worker.Parse(line, out long index);
                    for (int k = 0; k < results.Length; k++) Record(index, k, results[k]);
                    Interlocked.Increment(ref completed);
                    current = -1;
                    break;
                case 'D':
                    return worker;
            }
        }
    }

    private void Record(long index, int kernelSet, KernelSetResult result)
    {
        lock (gate)
        {
            counts[kernelSet, (int)result.Outcome]++;
            if (result.Outcome == Outcome.Crash || result.Outcome == Outcome.Hang) completed++;
            if (!Outcomes.IsFinding(result.Outcome)) return;
            string key = Finding.Key(result.Outcome, result.Detail);
            if (!findings.TryGetValue(key, out Finding? finding))
            {
                finding = new Finding(result.Outcome, options.KernelSets[kernelSet], result.Detail);
                findings[key] = finding;
            }
            finding.Count++;
            if (finding.Indices.Count < Finding.KeptIndices && !finding.Indices.Contains(index)) finding.Indices.Add(index);
        }
    }

    public string FormatTable(TimeSpan elapsed)
    {
        var text = new StringBuilder();
        long mutants = completed;
        text.Append("mutants: ").Append(mutants).Append(" in ").Append(elapsed.TotalSeconds.ToString("F1")).Append(" s (")
            .Append((mutants / Math.Max(elapsed.TotalSeconds, 1e-9)).ToString("F1")).Append(" mutants/s), campaign seed ")
            .Append(options.CampaignSeed).Append(", indices ").Append(options.First).Append("..").Append(options.First + mutants - 1).Append('\n');
        text.Append(string.Format("{0,-24}", "outcome"));
        foreach (string name in options.KernelSets) text.Append(string.Format("{0,12}", name));
        text.Append('\n');
        foreach (Outcome outcome in Outcomes.All)
        {
            text.Append(string.Format("{0,-24}", Outcomes.Label(outcome)));
            for (int k = 0; k < options.KernelSets.Length; k++) text.Append(string.Format("{0,12}", counts[k, (int)outcome]));
            text.Append('\n');
        }
        text.Append("distinct findings: ").Append(findings.Count).Append('\n');
        foreach (KeyValuePair<string, Finding> pair in findings.OrderByDescending(p => p.Value.Count))
        {
            Finding f = pair.Value;
            text.Append("  ").Append(Outcomes.Label(f.Outcome)).Append(" [").Append(f.KernelSet).Append("] ").Append(f.Detail)
                .Append(" — ").Append(f.Count).Append(" mutant(s), e.g. index ").Append(string.Join(", ", f.Indices)).Append('\n');
        }
        return text.ToString();
    }

    public long Count(int kernelSet, Outcome outcome) => counts[kernelSet, (int)outcome];

    private void SaveFindings(string directory, TextWriter log)
    {
        Directory.CreateDirectory(directory);
        // Findings of an earlier run into the same directory would be mistaken for this one's.
        foreach (string old in Directory.GetFiles(directory, "*.tflite")) File.Delete(old);
        foreach (string old in Directory.GetFiles(directory, "*.txt")) File.Delete(old);
        var minimizer = options.Minimize ? new Minimizer(options, seeds) : null;
        int number = 0;
        try
        {
            foreach (Finding finding in findings.Values.OrderByDescending(f => f.Count))
            {
                number++;
                long index = finding.Indices[0];
                Mutant mutant = Mutator.Create(seeds, options.CampaignSeed, index);
                string stem = Path.Combine(directory, number.ToString("D3") + "-" + finding.Outcome.ToString().ToLowerInvariant());
                byte[] bytes = mutant.Build(seeds);
                File.WriteAllBytes(stem + ".tflite", bytes);
                var note = new StringBuilder();
                note.Append("finding: ").Append(Outcomes.Label(finding.Outcome)).Append(" [").Append(finding.KernelSet).Append("] ").Append(finding.Detail).Append('\n');
                note.Append("campaign seed ").Append(options.CampaignSeed).Append(", mutant index ").Append(index).Append(", ").Append(finding.Count).Append(" mutant(s)\n");
                note.Append("edits: ").Append(mutant.Describe(seeds)).Append('\n');
                if (minimizer != null)
                {
                    Minimizer.Result? minimized = minimizer.Minimize(mutant, index, finding);
                    if (minimized != null)
                    {
                        File.WriteAllBytes(stem + ".min.tflite", minimized.Bytes);
                        note.Append("minimized: ").Append(minimized.Description).Append(" (").Append(minimized.Runs).Append(" runs)\n");
                        if (options.CorpusDirectory != null)
                        {
                            Directory.CreateDirectory(options.CorpusDirectory);
                            string name = Corpus.FileName(finding, minimized.Bytes);
                            File.WriteAllBytes(Path.Combine(options.CorpusDirectory, name), minimized.Bytes);
                            note.Append("corpus: ").Append(name).Append('\n');
                        }
                    }
                    else
                    {
                        note.Append("minimized: did not reproduce in a fresh worker\n");
                    }
                }
                File.WriteAllText(stem + ".txt", note.ToString());
            }
        }
        finally
        {
            minimizer?.Dispose();
        }
        log.WriteLine("findings saved under " + directory);
    }
}
