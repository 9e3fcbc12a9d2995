using System;
using TfLiteMicro.Memory;
using Xunit;

namespace TfLiteMicro.Core.Tests.Memory.Planning;

/// <summary>
/// Test vectors from TFLM's memory_planner/greedy_memory_planner_test.cc (sizes, lifetimes, expected offsets
/// and sizes), plus edge cases of this port.
/// </summary>
public sealed unsafe class GreedyMemoryPlannerTests : IDisposable
{
    // TFLM's tests give the planner 4096 bytes of scratch.
    private const int TflmScratchBytes = 4096;

    private readonly PlannerWorkspace workspace = new(TflmScratchBytes);
    private readonly ErrorReporter errors = new();
    private readonly GreedyMemoryPlanner planner = new();

    public GreedyMemoryPlannerTests()
    {
        Assert.Equal(Status.Ok, planner.Init(workspace.Pointer, workspace.Bytes, errors));
    }

    public void Dispose() => workspace.Dispose();

    private void Add(int size, int first, int last, int offline = MemoryPlanner.OnlinePlanned)
    {
        Assert.Equal(Status.Ok, planner.AddBuffer(size, first, last, offline, errors));
    }

    [Fact]
    public void BytesPerBufferMatchesTflmPerBufferSize()
    {
        // sizeof(BufferRequirements) 16 + two sort ints + ListEntry 12 + offset int.
        Assert.Equal(40, planner.BytesPerBuffer);
        Assert.Equal(TflmScratchBytes / 40, planner.Capacity);
        Assert.False(planner.PreservesAllTensors);
    }

    [Fact]
    public void SortMatchesTflmReverseSortInPlaceVectors()
    {
        // Already descending: unchanged.
        CheckSort(new[] { 10, 9, 8, 7, 6, 5, 4, 3, 2, 1 }, new[] { 10, 9, 8, 7, 6, 5, 4, 3, 2, 1 },
            new[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 });
        // Ascending: fully reversed.
        CheckSort(new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, new[] { 10, 9, 8, 7, 6, 5, 4, 3, 2, 1 },
            new[] { 9, 8, 7, 6, 5, 4, 3, 2, 1, 0 });
        // Ten runs of 1..10: equal values keep their original order (stability).
        var values = new int[100];
        var expectedValues = new int[100];
        var expectedIds = new int[100];
        for (int i = 0; i < 100; i++)
        {
            values[i] = i % 10 + 1;
            expectedValues[i] = 10 - i / 10;
            expectedIds[i] = (9 - i / 10) + 10 * (i % 10);
        }
        Assert.Equal(9, expectedIds[0]);
        Assert.Equal(19, expectedIds[1]);
        Assert.Equal(90, expectedIds[99]);
        CheckSort(values, expectedValues, expectedIds);
    }

    private static void CheckSort(int[] values, int[] expectedValues, int[] expectedIds)
    {
        var ids = new int[values.Length];
        for (int i = 0; i < ids.Length; i++) ids[i] = i;
        fixed (int* v = values)
        fixed (int* d = ids)
        {
            GreedyMemoryPlanner.SortDescendingStable(v, d, values.Length);
        }
        Assert.Equal(expectedValues, values);
        Assert.Equal(expectedIds, ids);
    }

    [Fact]
    public void TflmBasics()
    {
        Add(10, 0, 1);
        Add(20, 2, 3);
        PlanChecks.AssertNoOverlap(planner);
        Assert.Equal(20, planner.GetMaximumMemorySize());
        Assert.Equal(new[] { 0, 0 }, PlanChecks.Offsets(planner));
    }

    [Fact]
    public void TflmMedium()
    {
        Add(10, 0, 1);
        Add(20, 1, 2);
        Add(30, 2, 3);
        Add(40, 3, 4);
        Add(50, 0, 1);
        Assert.Equal(new[] { 50, 70, 40, 0, 0 }, PlanChecks.Offsets(planner));
        PlanChecks.AssertNoOverlap(planner);
        Assert.Equal(90, planner.GetMaximumMemorySize());
    }

    [Fact]
    public void TflmPersonDetectionModel()
    {
        // Sizes and lifetimes of the 250 KB MobileNet person-detection model, from TFLM's test.
        int[] sizes =
        {
            9216, 3, 256, 2304, 2304, 2304, 1152, 4608, 4608, 4608, 4608, 4608, 4608, 4608, 4608, 4608, 4608, 4608,
            2304, 9216, 9216, 9216, 4608, 18432, 18432, 18432, 9216, 36864, 18432, 18432,
        };
        int[] firsts = { 0, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0 };
        int[] lasts = { 29, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1 };
        int sum = 0;
        for (int i = 0; i < sizes.Length; i++)
        {
            Add(sizes[i], firsts[i], lasts[i]);
            sum += sizes[i];
        }
        Assert.Equal(241027, sum);
        PlanChecks.AssertNoOverlap(planner);
        int planned = planner.GetMaximumMemorySize();
        Assert.True(planned < 241027, "plan " + planned);
        Assert.Equal(PlanChecks.HighestEnd(planner), planned);
        // Lower bound: no plan can be smaller than the peak of simultaneously live bytes.
        Assert.True(planned >= LiveBytesPeak(sizes, firsts, lasts));
    }

    private static int LiveBytesPeak(int[] sizes, int[] firsts, int[] lasts)
    {
        int peak = 0;
        for (int t = 0; t <= 29; t++)
        {
            int live = 0;
            for (int i = 0; i < sizes.Length; i++) if (firsts[i] <= t && t <= lasts[i]) live += sizes[i];
            peak = Math.Max(peak, live);
        }
        return peak;
    }

    [Fact]
    public void TflmOverlapCase()
    {
        Add(100, 0, 1);
        Add(50, 2, 3);
        Add(20, 1, 2);
        PlanChecks.AssertNoOverlap(planner);
        Assert.Equal(120, planner.GetMaximumMemorySize());
    }

    [Fact]
    public void TflmSmallScratchHoldsOneBuffer()
    {
        using var small = new PlannerWorkspace(40);
        var tiny = new GreedyMemoryPlanner();
        Assert.Equal(Status.Ok, tiny.Init(small.Pointer, small.Bytes, errors));
        Assert.Equal(Status.Ok, tiny.AddBuffer(100, 0, 1, MemoryPlanner.OnlinePlanned, errors));
        Assert.NotEqual(Status.Ok, tiny.AddBuffer(50, 2, 3, MemoryPlanner.OnlinePlanned, errors));
        Assert.Equal(Status.ArenaTooSmall, errors.LastStatus);
        Assert.StartsWith("memory planner workspace too small for 2 buffers", errors.MessageText);
        Assert.Equal(1, tiny.BufferCount);
        Assert.Equal(100, tiny.GetMaximumMemorySize());
    }

    [Fact]
    public void WorkspaceExhaustionAtExactCapacity()
    {
        int capacity = planner.Capacity;
        for (int i = 0; i < capacity; i++) Add(16, i, i + 1);
        Assert.Equal(Status.ArenaTooSmall, planner.AddBuffer(16, 0, 0, MemoryPlanner.OnlinePlanned, errors));
        Assert.Contains("too small for " + (capacity + 1) + " buffers", errors.MessageText);
        // The buffers already added still plan correctly.
        PlanChecks.AssertNoOverlap(planner);
        Assert.Equal(32, planner.GetMaximumMemorySize());
    }

    [Fact]
    public void UnalignedWorkspaceIsAlignedAndCapacityShrinks()
    {
        using var raw = new PlannerWorkspace(81);
        var p = new GreedyMemoryPlanner();
        Assert.Equal(Status.Ok, p.Init(raw.Pointer + 1, 80, errors));
        Assert.Equal(1, p.Capacity);  // 3 bytes lost to alignment: 77 / 40
        Assert.Equal(Status.Ok, p.Init(raw.Pointer, 80, errors));
        Assert.Equal(2, p.Capacity);
    }

    [Fact]
    public void EqualSizesGoLaterAddedFirst()
    {
        // Three equal buffers alive together: TFLM places the last-added at 0.
        Add(32, 0, 2);
        Add(32, 0, 2);
        Add(32, 0, 2);
        Assert.Equal(new[] { 64, 32, 0 }, PlanChecks.Offsets(planner));
    }

    [Fact]
    public void TflmOfflinePlannerBranchesAllOnline()
    {
        // micro_allocator_test OfflinePlannerBranchesAllOnline: four 48-byte tensors, ops
        // (t0)->t1, (t0)->t2, (t1,t2)->t3; lifetimes by TFLM's scope rules. All equal sizes, so the expected
        // offsets only come out with TFLM's "later-added first" tie-break.
        Add(48, 0, 2);
        Add(48, 1, 3);
        Add(48, 2, 3);
        Add(48, 3, 3);
        Assert.Equal(new[] { 0, 96, 48, 0 }, PlanChecks.Offsets(planner));
        Assert.Equal(144, planner.GetMaximumMemorySize());
    }

    [Fact]
    public void TflmOfflinePlannerBasic()
    {
        // OfflinePlannerBasic: chain t0->t1->t2->t3, every tensor offline planned.
        Add(48, 0, 1, 0);
        Add(48, 1, 2, 48);
        Add(48, 2, 3, 0);
        Add(48, 3, 3, 48);
        Assert.Equal(new[] { 0, 48, 0, 48 }, PlanChecks.Offsets(planner));
        Assert.Equal(96, planner.GetMaximumMemorySize());
    }

    [Fact]
    public void TflmOfflinePlannerOverlappingAllocation()
    {
        // OfflinePlannerOverlappingAllocation: (t0, t1)->t2, (t2)->t3; the offline plan puts t0 and t1 both at
        // 0 on purpose; t3 is online and fits below t2.
        Add(48, 0, 1, 0);
        Add(48, 0, 1, 0);
        Add(48, 1, 2, 48);
        Add(48, 2, 2);
        Assert.Equal(new[] { 0, 0, 48, 0 }, PlanChecks.Offsets(planner));
        Assert.Equal(96, planner.GetMaximumMemorySize());
        Assert.Null(PlanChecks.FindOverlap(planner, (a, b) => a == 0 && b == 1));
    }

    [Fact]
    public void TflmOfflinePlannerOfflineOnline()
    {
        // OfflinePlannerOfflineOnline: (t0, t1)->t2, (t2)->(t3, t4); t2 and t4 online.
        Add(48, 0, 1, 0);
        Add(48, 0, 1, 48);
        Add(48, 1, 2);
        Add(48, 2, 2, 0);
        Add(48, 2, 2);
        Assert.Equal(new[] { 0, 48, 96, 0, 48 }, PlanChecks.Offsets(planner));
        Assert.Equal(144, planner.GetMaximumMemorySize());
        PlanChecks.AssertNoOverlap(planner);
    }

    [Fact]
    public void OnlineBufferFillsGapInOfflinePlan()
    {
        Add(64, 0, 3, 0);
        Add(64, 0, 3, 128);
        Add(64, 1, 2);     // fits exactly in [64, 128)
        Add(16, 1, 2);     // no gap left below 192: goes after the offline buffer at 128
        Assert.Equal(new[] { 0, 128, 64, 192 }, PlanChecks.Offsets(planner));
        Assert.Equal(208, planner.GetMaximumMemorySize());
    }

    [Fact]
    public void PlanIsRecomputedAfterMoreBuffers()
    {
        Add(10, 0, 1);
        Assert.Equal(10, planner.GetMaximumMemorySize());
        Add(20, 1, 2);
        Assert.Equal(30, planner.GetMaximumMemorySize());
        Assert.Equal(new[] { 20, 0 }, PlanChecks.Offsets(planner));
    }

    [Fact]
    public void InitForgetsEarlierBuffers()
    {
        Add(10, 0, 1);
        Assert.Equal(Status.Ok, planner.Init(workspace.Pointer, workspace.Bytes, errors));
        Assert.Equal(0, planner.BufferCount);
        Assert.Equal(0, planner.GetMaximumMemorySize());
    }

    [Fact]
    public void ZeroSizeAndEmptyPlans()
    {
        Assert.Equal(0, planner.GetMaximumMemorySize());
        Add(0, 0, 0);
        Assert.Equal(0, planner.GetMaximumMemorySize());
        Assert.Equal(new[] { 0 }, PlanChecks.Offsets(planner));
    }

    [Fact]
    public void InvalidArgumentsAreRefusedWithMessages()
    {
        Assert.Equal(Status.InvalidArgument, planner.AddBuffer(-16, 0, 1, MemoryPlanner.OnlinePlanned, errors));
        Assert.Contains("size -16 is negative", errors.MessageText);
        Assert.Equal(Status.InvalidArgument, planner.AddBuffer(16, 3, 2, MemoryPlanner.OnlinePlanned, errors));
        Assert.Contains("last use 2 is before first use 3", errors.MessageText);
        Assert.Equal(Status.InvalidArgument, planner.AddBuffer(16, 0, 1, -2, errors));
        Assert.Contains("offline offset -2", errors.MessageText);
        Assert.Equal(0, planner.BufferCount);

        // A lifetime starting at -1 (a tensor TFLM never saw created) is legal.
        Add(16, -1, 1);
        Assert.Equal(Status.InvalidArgument, planner.GetOffsetForBuffer(1, out _, errors));
        Assert.Contains("index 1 is outside 0..0", errors.MessageText);
        Assert.Equal(Status.InvalidArgument, planner.GetOffsetForBuffer(-1, out _, errors));
    }

    [Fact]
    public void PlanThatCouldOverflowIntIsRefused()
    {
        Add(int.MaxValue / 2, 0, 1);
        Add(int.MaxValue / 2, 0, 1);
        Assert.Equal(Status.ArenaTooSmall, planner.AddBuffer(16, 0, 1, MemoryPlanner.OnlinePlanned, errors));
        Assert.Equal(Status.ArenaTooSmall, planner.AddBuffer(16, 0, 1, int.MaxValue - 8, errors));
        Assert.Equal(2, planner.BufferCount);
    }

    [Fact]
    public void UseBeforeInitAndBadWorkspaceAreRefused()
    {
        var fresh = new GreedyMemoryPlanner();
        Assert.Equal(Status.InvalidState, fresh.AddBuffer(16, 0, 1, MemoryPlanner.OnlinePlanned, errors));
        Assert.Equal(Status.InvalidState, fresh.GetOffsetForBuffer(0, out _, errors));
        Assert.Equal(0, fresh.GetMaximumMemorySize());
        Assert.Equal(Status.InvalidArgument, fresh.Init(null, 64, errors));
        Assert.Equal(Status.InvalidArgument, fresh.Init(workspace.Pointer, -1, errors));
        Assert.Equal(Status.Ok, fresh.Init(null, 0, errors));
        Assert.Equal(Status.ArenaTooSmall, fresh.AddBuffer(16, 0, 1, MemoryPlanner.OnlinePlanned, errors));
    }
}
