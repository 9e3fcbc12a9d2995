using System;
using System.Collections.Generic;
using System.IO;
using TfLiteMicro.Testing;
using Xunit;
using Xunit.Abstractions;

namespace TfLiteMicro.Fuzz.Tests;

/// <summary>
/// Every input the fuzzer ever found a crash, an escaped exception, a hang or an allocation with (tests/fuzz-corpus,
/// see its README) is run again — load, AllocateTensors, Invoke with the reference kernels and x86-simd, model
/// read-only between guard pages, arena against a guard page — and must now end in a Status. In-process and fast:
/// a regression shows up as a failing test (or, for a memory fault, as a test host that dies naming the file).
/// </summary>
public class CorpusReplayTests
{
    private readonly ITestOutputHelper output;

    public CorpusReplayTests(ITestOutputHelper output)
    {
        this.output = output;
    }

    public static string CorpusDirectory => Path.Combine(RepositoryPaths.Root, "tests", "fuzz-corpus");

    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.GetFiles(CorpusDirectory, "*.tflite"))
        {
            data.Add(Path.GetFileName(file));
        }
        return data;
    }

    [Fact]
    public void CorpusIsNotEmpty() => Assert.NotEmpty(Directory.GetFiles(CorpusDirectory, "*.tflite"));

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void ReplayEndsInAStatus(string file)
    {
        var runner = new MutantRunner(new[] { "reference", "x86-simd" });
        byte[] model = File.ReadAllBytes(Path.Combine(CorpusDirectory, file));
        foreach (bool exactEnd in new[] { false, true })
        {
            KernelSetResult[] results = runner.Run(model, Program.ReplayArenaBytes, inputSeed: 1, exactEnd, inspect: true);
            for (int k = 0; k < results.Length; k++)
            {
                output.WriteLine(file + " [" + runner.KernelSetName(k) + "]: " + Outcomes.Label(results[k].Outcome) + " " + results[k].Detail);
                // A first-use allocation is the JIT compiling a path for the first time in this process, not Invoke.
                Assert.False(Outcomes.IsFinding(results[k].Outcome), file + ": " + Outcomes.Label(results[k].Outcome) + " " + results[k].Detail);
            }
        }
    }
}
