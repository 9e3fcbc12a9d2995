using System;
using TfLiteMicro.Memory;
using TfLiteMicro.Schema;

namespace TfLiteMicro.Tools.Running;

/// <summary>
/// Plans a model in a generous arena to learn how many bytes it really needs (TFLM's arena_used_bytes() after
/// AllocateTensors), or why it cannot be planned at all (missing operators, unsupported types).
/// </summary>
public static unsafe class ArenaTrial
{
    public const int DefaultTrialBytes = 64 * 1024 * 1024;

    public static ArenaTrialResult Measure(Model model, OpResolver resolver, bool preserveAllTensors = false, int trialBytes = DefaultTrialBytes,
        int separateWeightsBytes = 0)
    {
        // Small arenas first (each trial clears its arena: 64 MiB for every model would cost more than the planning).
        for (int bytes = Math.Min(1 << 20, trialBytes); ; bytes = Math.Min(bytes * 4, trialBytes))
        {
            ArenaTrialResult result = MeasureIn(model, resolver, preserveAllTensors, bytes, separateWeightsBytes);
            if (result.Status != Status.ArenaTooSmall || bytes >= trialBytes) return result;
        }
    }

    private static ArenaTrialResult MeasureIn(Model model, OpResolver resolver, bool preserveAllTensors, int trialBytes, int separateWeightsBytes)
    {
        using var arena = new NativeArena(trialBytes);
        using NativeArena? weights = separateWeightsBytes > 0 ? new NativeArena(separateWeightsBytes) : null;
        var options = new InterpreterOptions { PreserveAllTensors = preserveAllTensors };
        if (weights != null)
        {
            options.WeightsMemory = weights.Pointer;
            options.WeightsMemoryBytes = weights.Size;
        }
        var interpreter = new MicroInterpreter(model, resolver, arena.Pointer, arena.Size, options);
        Status status = interpreter.AllocateTensors();
        if (status != Status.Ok) return ArenaTrialResult.Failed(trialBytes, status, interpreter.Errors.MessageText);
        ArenaUsageReport usage = interpreter.ArenaUsage;
        return ArenaTrialResult.Planned(trialBytes, interpreter.ArenaUsedBytes, usage.HeadBytes, usage.TailBytes, interpreter.ArenaRequiredBytes, interpreter.WeightsBytes);
    }

    /// <summary>
    /// The smallest arena in which AllocateTensors succeeds, found by bisection between
    /// <paramref name="failingBytes"/> (known too small) and a planned trial. The bytes in use after allocation can
    /// be less than this: allocation needs temporary room (scratch requests, the planner's working memory).
    /// Returns null when the model cannot be planned at all.
    /// </summary>
    public static int? FindMinimumArenaBytes(Model model, OpResolver resolver, bool preserveAllTensors, int failingBytes)
    {
        ArenaTrialResult trial = Measure(model, resolver, preserveAllTensors);
        if (!trial.Succeeded) return null;
        int low = failingBytes;
        int high = trial.UsedBytes;
        if (high <= low || !Fits(model, resolver, preserveAllTensors, high)) high = trial.TrialBytes;
        while (high - low > 1)
        {
            int middle = low + (high - low) / 2;
            if (Fits(model, resolver, preserveAllTensors, middle)) high = middle;
            else low = middle;
        }
        return high;
    }

    private static bool Fits(Model model, OpResolver resolver, bool preserveAllTensors, int arenaBytes)
    {
        using var arena = new NativeArena(arenaBytes);
        var options = new InterpreterOptions { PreserveAllTensors = preserveAllTensors };
        var interpreter = new MicroInterpreter(model, resolver, arena.Pointer, arena.Size, options);
        return interpreter.AllocateTensors() == Status.Ok;
    }
}
