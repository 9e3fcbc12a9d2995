using System;

namespace TfLiteMicro.Examples.MlperfTiny;

/// <summary>
/// MLPerf Tiny's four inference benchmarks (keyword spotting, visual wake words, image classification, anomaly
/// detection) on their int8 reference models, each fed the golden input of tests/data/models (case 0) and checked
/// against TFLM's output for it. Prints the top result and the arena each model used.
/// Usage: mlperf-tiny [kws|vww|ic|ad ...]
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        int failures = 0;
        try
        {
            foreach (MlperfBenchmark benchmark in Select(args))
            {
                MlperfResult result = MlperfRunner.Run(benchmark);
                Console.WriteLine(benchmark.Title + " — " + benchmark.Id);
                Console.WriteLine("  top result:  " + result.Describe());
                Console.WriteLine("  arena used:  " + result.ArenaUsedBytes + " of " + benchmark.ArenaBytes + " bytes (TFLM: " + benchmark.TflmArenaBytes + ")");
                Console.WriteLine("  golden:      " + (result.MatchesGolden ? "output equals TFLM's" : "OUTPUT DIFFERS FROM TFLM'S"));
                if (!result.MatchesGolden) failures++;
            }
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
        return failures == 0 ? 0 : 1;
    }

    private static MlperfBenchmark[] Select(string[] args)
    {
        if (args.Length == 0) return [.. MlperfBenchmarks.All];
        var selected = new MlperfBenchmark[args.Length];
        for (int i = 0; i < args.Length; i++)
        {
            selected[i] = MlperfBenchmarks.Find(args[i])
                ?? throw new InvalidOperationException("unknown benchmark '" + args[i] + "' (kws, vww, ic or ad)");
        }
        return selected;
    }
}
