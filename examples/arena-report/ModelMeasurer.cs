using System;
using System.Collections.Generic;
using System.IO;
using TfLiteMicro.Tools;
using TfLiteMicro.Npy;
using TfLiteMicro.Tools.Running;

namespace TfLiteMicro.Examples.ArenaReport;

/// <summary>
/// Loads one shared model with every reference kernel, records the arena it used and required, and runs its golden
/// cases (each from a reset state) to say whether it reproduces TFLM: integers exactly, float32 within
/// 1e-5 absolute + 1e-5 relative, the shared folder's rule.
/// </summary>
public static class ModelMeasurer
{
    public static ModelMeasurement Measure(string modelFolder, string id, string ops, int? tflmBytes, int? tflmBytes32)
    {
        int? used = null, required = null;
        string status;
        try
        {
            using ModelRunner runner = ModelRunner.Open(Path.Combine(modelFolder, "model.tflite"));
            used = runner.ArenaUsedBytes;
            required = runner.Interpreter.ArenaRequiredBytes;
            status = RunCases(runner, modelFolder);
        }
        catch (ToolException e)
        {
            status = "fails: " + e.Message;
        }
        return new ModelMeasurement
        {
            Id = id,
            Ops = ops,
            TflmArenaBytes = tflmBytes,
            TflmArenaBytes32 = tflmBytes32,
            UsedBytes = used,
            RequiredBytes = required,
            Status = status,
        };
    }

    private static string RunCases(ModelRunner runner, string folder)
    {
        int cases = 0;
        for (; File.Exists(CasePath(folder, cases, "in", 0)); cases++)
        {
            var inputs = new List<NpyArray>();
            for (int i = 0; File.Exists(CasePath(folder, cases, "in", i)); i++) inputs.Add(NpyReader.ReadFile(CasePath(folder, cases, "in", i)));
            runner.Reset();
            runner.SetInputs(inputs);
            runner.Invoke();
            for (int j = 0; j < runner.OutputCount; j++)
            {
                string expectedPath = CasePath(folder, cases, "out", j);
                if (!File.Exists(expectedPath)) continue;
                if (!Matches(runner.ReadOutput(j), NpyReader.ReadFile(expectedPath)))
                    return "runs; case " + cases + " output " + j + " differs from TFLM";
            }
        }
        return cases == 0 ? "runs (no golden: TFLM refuses this model)" : "matches TFLM (" + cases + " cases)";
    }

    private static string CasePath(string folder, int caseIndex, string direction, int slot) =>
        Path.Combine(folder, "case" + caseIndex + "_" + direction + slot + ".npy");

    private static bool Matches(NpyArray actual, NpyArray expected)
    {
        if (actual.DType != expected.DType || !actual.Shape.SequenceEqual(expected.Shape)) return false;
        if (actual.DType != NpyDType.Float32) return actual.Data.AsSpan().SequenceEqual(expected.Data);
        ReadOnlySpan<float> a = actual.AsSpan<float>();
        ReadOnlySpan<float> e = expected.AsSpan<float>();
        for (int i = 0; i < a.Length; i++)
        {
            if (!(MathF.Abs(a[i] - e[i]) <= 1e-5f + 1e-5f * MathF.Abs(e[i]))) return false;
        }
        return true;
    }
}
