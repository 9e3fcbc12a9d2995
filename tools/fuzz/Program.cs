using System;
using System.Collections.Generic;
using System.IO;

namespace TfLiteMicro.Fuzz;

public static class Program
{
    /// <summary>Arena for replaying files: generous (guarded memory is mapped lazily, so untouched bytes cost nothing).</summary>
    public const int ReplayArenaBytes = 16 << 20;

    public static int Main(string[] args)
    {
        FuzzOptions options;
        try
        {
            options = FuzzOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            Console.Error.WriteLine("tflm-fuzz: " + e.Message);
            Console.Error.Write(FuzzOptions.Usage);
            return 64;
        }
        switch (options.Command)
        {
            case "worker":
                return Worker.Serve(options);
            case "campaign":
                return new Campaign(options).Run(Console.Out);
            case "reproduce":
                return Reproduce(options);
            case "replay":
                return Replay(options);
            case "help":
                Console.Write(FuzzOptions.Usage);
                return 0;
            default:
                Console.Error.WriteLine("tflm-fuzz: unknown command '" + options.Command + "'; valid: campaign, reproduce, replay, worker");
                return 64;
        }
    }

    private static int Reproduce(FuzzOptions options)
    {
        if (options.Index < 0)
        {
            Console.Error.WriteLine("tflm-fuzz: reproduce needs --index");
            return 64;
        }
        List<SeedModel> seeds = SeedModel.LoadAll(options.SeedDirectories);
        Mutant mutant = Mutator.Create(seeds, options.CampaignSeed, options.Index);
        string path = options.OutputDirectory ?? "mutant-" + options.CampaignSeed + "-" + options.Index + ".tflite";
        File.WriteAllBytes(path, mutant.Build(seeds));
        Console.WriteLine(mutant.Describe(seeds));
        Console.WriteLine("arena " + Worker.ArenaFor(seeds, mutant.SeedIndex, new Dictionary<int, int>(), options.MinimumArenaBytes)
            + ", input seed " + Worker.InputSeed(options.CampaignSeed, options.Index) + ", exact end " + Worker.ExactEnd(options.Index)
            + ", inspect " + Worker.Inspect(options.Index));
        Console.WriteLine("written to " + path);
        return 0;
    }

    /// <summary>Runs model files in a worker process and prints each one's outcome per kernel set.</summary>
    private static int Replay(FuzzOptions options)
    {
        var files = new List<string>();
        foreach (string path in options.Files)
        {
            if (Directory.Exists(path)) files.AddRange(Directory.GetFiles(path, "*.tflite"));
            else files.Add(path);
        }
        files.Sort(StringComparer.Ordinal);
        int findings = 0;
        using var minimizer = new Minimizer(options, new List<SeedModel>());
        foreach (string file in files)
        {
            KernelSetResult[] results = minimizer.Run(File.ReadAllBytes(file), Math.Max(options.MinimumArenaBytes, ReplayArenaBytes), 1, false, true);
            Console.Write(Path.GetFileName(file));
            for (int k = 0; k < results.Length; k++)
            {
                Console.Write("  " + options.KernelSets[k] + ": " + Outcomes.Label(results[k].Outcome));
                if (results[k].Detail.Length > 0) Console.Write(" (" + results[k].Detail + ")");
                if (Outcomes.IsFinding(results[k].Outcome)) findings++;
            }
            Console.WriteLine();
        }
        return findings == 0 ? 0 : 2;
    }
}
