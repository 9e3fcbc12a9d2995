using System;
using TfLiteMicro.Memory;
using Xunit;

namespace TfLiteMicro.Core.Tests.Memory.Planning;

public sealed unsafe class LinearMemoryPlannerTests : IDisposable
{
    private readonly PlannerWorkspace workspace = new(1024);
    private readonly ErrorReporter errors = new();
    private readonly LinearMemoryPlanner planner = new();

    public LinearMemoryPlannerTests()
    {
        Assert.Equal(Status.Ok, planner.Init(workspace.Pointer, workspace.Bytes, errors));
    }

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void EveryBufferFollowsThePreviousOne()
    {
        int[] sizes = { 10, 20, 30, 40, 50 };
        int[] firsts = { 0, 1, 2, 3, 0 };
        int[] lasts = { 1, 2, 3, 4, 1 };
        for (int i = 0; i < sizes.Length; i++)
        {
            Assert.Equal(Status.Ok, planner.AddBuffer(sizes[i], firsts[i], lasts[i], MemoryPlanner.OnlinePlanned, errors));
        }
        Assert.Equal(new[] { 0, 10, 30, 60, 100 }, PlanChecks.Offsets(planner));
        Assert.Equal(150, planner.GetMaximumMemorySize());
        Assert.True(planner.PreservesAllTensors);
        Assert.Equal(5, planner.BufferCount);
        PlanChecks.AssertNoOverlap(planner);
    }

    [Fact]
    public void NoTwoBuffersShareBytesEvenWhenNeverAliveTogether()
    {
        Assert.Equal(Status.Ok, planner.AddBuffer(16, 0, 0, MemoryPlanner.OnlinePlanned, errors));
        Assert.Equal(Status.Ok, planner.AddBuffer(16, 5, 5, MemoryPlanner.OnlinePlanned, errors));
        Assert.Equal(new[] { 0, 16 }, PlanChecks.Offsets(planner));
    }

    [Fact]
    public void OfflineOffsetsAreRefusedLikeTflm()
    {
        Assert.Equal(Status.InvalidArgument, planner.AddBuffer(16, 0, 1, 32, errors));
        Assert.Contains("offline memory plans need the greedy planner", errors.MessageText);
        Assert.Equal(0, planner.BufferCount);
    }

    [Fact]
    public void WorkspaceExhaustionAndInvalidArguments()
    {
        using var small = new PlannerWorkspace(2 * 16);
        var p = new LinearMemoryPlanner();
        Assert.Equal(Status.Ok, p.Init(small.Pointer, small.Bytes, errors));
        Assert.Equal(2, p.Capacity);
        Assert.Equal(Status.Ok, p.AddBuffer(16, 0, 1, MemoryPlanner.OnlinePlanned, errors));
        Assert.Equal(Status.Ok, p.AddBuffer(16, 0, 1, MemoryPlanner.OnlinePlanned, errors));
        Assert.Equal(Status.ArenaTooSmall, p.AddBuffer(16, 0, 1, MemoryPlanner.OnlinePlanned, errors));
        Assert.StartsWith("memory planner workspace too small for 3 buffers", errors.MessageText);

        Assert.Equal(Status.InvalidArgument, planner.AddBuffer(-1, 0, 1, MemoryPlanner.OnlinePlanned, errors));
        Assert.Equal(Status.InvalidArgument, planner.AddBuffer(1, 2, 1, MemoryPlanner.OnlinePlanned, errors));
        Assert.Equal(Status.InvalidArgument, planner.GetOffsetForBuffer(0, out _, errors));
        Assert.Equal(Status.InvalidState, new LinearMemoryPlanner().AddBuffer(1, 0, 1, MemoryPlanner.OnlinePlanned, errors));
    }

    [Fact]
    public void PlanThatWouldOverflowIntIsRefused()
    {
        Assert.Equal(Status.Ok, planner.AddBuffer(int.MaxValue - 10, 0, 1, MemoryPlanner.OnlinePlanned, errors));
        Assert.Equal(Status.ArenaTooSmall, planner.AddBuffer(16, 0, 1, MemoryPlanner.OnlinePlanned, errors));
        Assert.Equal(int.MaxValue - 10, planner.GetMaximumMemorySize());
    }
}
