using System;
using System.Collections.Generic;
using System.IO;

namespace TfLiteMicro.Fuzz;

/// <summary>Command-line settings of a campaign (and of its workers, which get the same ones).</summary>
public sealed class FuzzOptions
{
    public string Command { get; set; } = "campaign";
    public List<string> SeedDirectories { get; } = new List<string>();
    public ulong CampaignSeed { get; set; } = 1;
    public long First { get; set; }
    public long? Count { get; set; }
    public double? Minutes { get; set; }
    public int Jobs { get; set; } = Environment.ProcessorCount;
    public string[] KernelSets { get; set; } = { "reference", "x86-simd" };
    public double TimeoutSeconds { get; set; } = 10;
    public int MinimumArenaBytes { get; set; } = 1 << 20;
    public string? OutputDirectory { get; set; }
    public bool Minimize { get; set; } = true;
    public string? CorpusDirectory { get; set; }
    public bool Ci { get; set; }
    public List<string> Files { get; } = new List<string>();
    public long Index { get; set; } = -1;

    /// <summary>The CI run: fixed seed, a few thousand mutants, both kernel sets; fails on any finding.</summary>
    public const long CiCount = 20000;

    public const string Usage =
@"tflm-fuzz — structure-aware fuzzer for TfLiteMicro (docs/fuzzing.md)

  tflm-fuzz [campaign] [--seeds DIR]... [--seed N] [--count N | --minutes M] [--jobs J]
            [--kernels reference,x86-simd,template] [--timeout SECONDS] [--arena BYTES]
            [--out DIR] [--no-minimize] [--corpus DIR] [--first N]
      Mutates the seed models (default ../shared/models and ../shared/ops beside the repository, else tests/data/models and tests/data/ops, and tests/fuzz-seeds) and runs every
      mutant in worker processes. Prints the outcome table; saves and minimizes findings under --out
      (default artifacts/fuzz/seed-N); --corpus DIR also copies each minimized finding there.
      Exit code 0: no findings; 2: findings.
  tflm-fuzz --ci            the CI run: campaign seed 1, 20000 mutants (or --count), reference + x86-simd (tests/TfLiteMicro.Fuzz.Tests).
  tflm-fuzz reproduce --seed N --index I [--out FILE]   writes mutant I of campaign N and prints its edits.
  tflm-fuzz replay FILE...  runs model files (e.g. the regression corpus) in a worker; prints each outcome.
";

    public static FuzzOptions Parse(string[] args)
    {
        var options = new FuzzOptions();
        int i = 0;
        if (args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal))
        {
            options.Command = args[0];
            i = 1;
        }
        for (; i < args.Length; i++)
        {
            string arg = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException(arg + " needs a value");
            switch (arg)
            {
                case "--seeds": options.SeedDirectories.Add(Value()); break;
                case "--seed": options.CampaignSeed = ulong.Parse(Value()); break;
                case "--first": options.First = long.Parse(Value()); break;
                case "--count": options.Count = long.Parse(Value()); break;
                case "--minutes": options.Minutes = double.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture); break;
                case "--jobs": options.Jobs = Math.Max(1, int.Parse(Value())); break;
                case "--kernels": options.KernelSets = Value().Split(',', StringSplitOptions.RemoveEmptyEntries); break;
                case "--timeout": options.TimeoutSeconds = double.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture); break;
                case "--arena": options.MinimumArenaBytes = int.Parse(Value()); break;
                case "--out": options.OutputDirectory = Value(); break;
                case "--no-minimize": options.Minimize = false; break;
                case "--corpus": options.CorpusDirectory = Value(); break;
                case "--index": options.Index = long.Parse(Value()); break;
                case "--ci": options.Ci = true; break;
                case "--help": case "-h": options.Command = "help"; break;
                default:
                    if (arg.StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException("unknown option " + arg);
                    options.Files.Add(arg);
                    break;
            }
        }
        foreach (string name in options.KernelSets)
        {
            if (Array.IndexOf(MutantRunner.KernelSetNames, name) < 0)
                throw new ArgumentException("unknown kernel set '" + name + "'; valid: " + string.Join(", ", MutantRunner.KernelSetNames));
        }
        if (options.Ci)
        {
            options.CampaignSeed = 1;
            options.Count ??= CiCount;
            options.First = 0;
        }
        if (options.SeedDirectories.Count == 0)
        {
            // ../shared beside the repository when it is there (more models), else the repository's own test data.
            string shared = Path.Combine(RepositoryRoot(), "..", "shared");
            string data = Directory.Exists(Path.Combine(shared, "models")) ? shared : Path.Combine(RepositoryRoot(), "tests", "data");
            options.SeedDirectories.Add(Path.GetFullPath(Path.Combine(data, "models")));
            options.SeedDirectories.Add(Path.GetFullPath(Path.Combine(data, "ops")));
            // The project's own seeds: the real-world-shaped models TFLM's files never reach (float16, DENSIFY,
            // uint8, Convolution2DTransposeBias, 8-byte values at 4 mod 8); tests/fuzz-seeds/README.md.
            string own = Path.Combine(RepositoryRoot(), "tests", "fuzz-seeds");
            if (Directory.Exists(own)) options.SeedDirectories.Add(Path.GetFullPath(own));
        }
        if (options.Count == null && options.Minutes == null) options.Count = 10000;
        return options;
    }

    /// <summary>Arguments that make a worker process see the same seeds and settings.</summary>
    public List<string> WorkerArguments()
    {
        var args = new List<string> { "worker", "--seed", CampaignSeed.ToString(), "--kernels", string.Join(",", KernelSets),
            "--arena", MinimumArenaBytes.ToString() };
        foreach (string directory in SeedDirectories)
        {
            args.Add("--seeds");
            args.Add(Path.GetFullPath(directory));
        }
        return args;
    }

    /// <summary>The folder with TfLiteMicro.sln above the tool (seed and output defaults are relative to it).</summary>
    public static string RepositoryRoot()
    {
        DirectoryInfo? directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory != null)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TfLiteMicro.sln"))) return directory.FullName;
            directory = directory.Parent;
        }
        return Directory.GetCurrentDirectory();
    }
}
