using System;
using TfLiteMicro.Memory;
using Xunit;

namespace TfLiteMicro.Core.Tests.Memory.Planning;

/// <summary>Assertions shared by the planner tests.</summary>
internal static class PlanChecks
{
    /// <summary>
    /// Describes the first pair of buffers that are alive at the same time and share bytes, or null when
    /// there is none (TFLM's DoAnyBuffersOverlap). <paramref name="allowed"/> may excuse pairs an offline plan
    /// overlaps on purpose.
    /// </summary>
    public static string? FindOverlap(MemoryPlanner planner, Func<int, int, bool>? allowed = null)
    {
        var errors = new ErrorReporter();
        int n = planner.BufferCount;
        for (int a = 0; a < n; a++)
        {
            Assert.True(planner.GetBufferRequirements(a, out int aSize, out int aFirst, out int aLast));
            Assert.Equal(Status.Ok, planner.GetOffsetForBuffer(a, out int aStart, errors));
            for (int b = a + 1; b < n; b++)
            {
                Assert.True(planner.GetBufferRequirements(b, out int bSize, out int bFirst, out int bLast));
                Assert.Equal(Status.Ok, planner.GetOffsetForBuffer(b, out int bStart, errors));
                bool liveTogether = aFirst <= bLast && bFirst <= aLast;
                bool shareBytes = aStart < bStart + bSize && bStart < aStart + aSize;
                if (liveTogether && shareBytes && aSize > 0 && bSize > 0 && (allowed == null || !allowed(a, b)))
                {
                    return $"buffer {a} [{aStart},{aStart + aSize}) t{aFirst}..{aLast} overlaps buffer {b} [{bStart},{bStart + bSize}) t{bFirst}..{bLast}";
                }
            }
        }
        return null;
    }

    public static void AssertNoOverlap(MemoryPlanner planner)
    {
        string? overlap = FindOverlap(planner);
        Assert.True(overlap == null, overlap);
    }

    public static int[] Offsets(MemoryPlanner planner)
    {
        var errors = new ErrorReporter();
        var result = new int[planner.BufferCount];
        for (int i = 0; i < result.Length; i++)
        {
            Assert.Equal(Status.Ok, planner.GetOffsetForBuffer(i, out result[i], errors));
        }
        return result;
    }

    /// <summary>Highest end offset recomputed from the offsets, to cross-check GetMaximumMemorySize.</summary>
    public static int HighestEnd(MemoryPlanner planner)
    {
        int[] offsets = Offsets(planner);
        int highest = 0;
        for (int i = 0; i < offsets.Length; i++)
        {
            Assert.True(planner.GetBufferRequirements(i, out int size, out _, out _));
            highest = Math.Max(highest, offsets[i] + size);
        }
        return highest;
    }
}
