using System;
using TfLiteMicro.Memory;
using Xunit;

namespace TfLiteMicro.Core.Tests.Memory.Planning;

public sealed class OfflinePlanTests
{
    private readonly ErrorReporter errors = new();

    private static byte[] Words(params int[] words)
    {
        var bytes = new byte[words.Length * 4];
        for (int i = 0; i < words.Length; i++)
        {
            uint w = unchecked((uint)words[i]);
            bytes[4 * i] = (byte)w;
            bytes[4 * i + 1] = (byte)(w >> 8);
            bytes[4 * i + 2] = (byte)(w >> 16);
            bytes[4 * i + 3] = (byte)(w >> 24);
        }
        return bytes;
    }

    [Fact]
    public void ParsesHeaderAndOffsets()
    {
        // TFLM's OfflinePlannerOfflineOnline metadata: version 1, subgraph 0, five offsets.
        byte[] metadata = Words(1, 0, 5, 0, 48, -1, 0, -1);
        Assert.Equal(Status.Ok, OfflinePlan.TryParse(metadata, 5, errors, out OfflinePlan plan));
        Assert.True(plan.IsPresent);
        Assert.Equal(1, plan.Version);
        Assert.Equal(0, plan.SubgraphCount);
        Assert.Equal(5, plan.TensorCount);
        Assert.Equal(0, plan.OffsetFor(0));
        Assert.Equal(48, plan.OffsetFor(1));
        Assert.Equal(MemoryPlanner.OnlinePlanned, plan.OffsetFor(2));
        Assert.Equal(0, plan.OffsetFor(3));
        Assert.Equal(MemoryPlanner.OnlinePlanned, plan.OffsetFor(4));
        Assert.Equal(MemoryPlanner.OnlinePlanned, plan.OffsetFor(5));
        Assert.Equal(MemoryPlanner.OnlinePlanned, plan.OffsetFor(-1));
    }

    [Fact]
    public void ReadsLittleEndianWordsAtAnyAlignment()
    {
        byte[] padded = new byte[1 + 16];
        Words(7, 2, 1, 0x01020304).CopyTo(padded, 1);
        Assert.Equal(Status.Ok, OfflinePlan.TryParse(padded.AsSpan(1), 1, errors, out OfflinePlan plan));
        Assert.Equal(0x01020304, plan.OffsetFor(0));
        Assert.Equal(7, plan.Version);
        Assert.Equal(2, plan.SubgraphCount);
    }

    [Fact]
    public void DefaultPlanMeansEverythingOnline()
    {
        OfflinePlan none = default;
        Assert.False(none.IsPresent);
        Assert.Equal(MemoryPlanner.OnlinePlanned, none.OffsetFor(0));
    }

    [Fact]
    public void ShortHeaderIsRefused()
    {
        Assert.Equal(Status.MalformedModel, OfflinePlan.TryParse(new byte[11], 0, errors, out OfflinePlan plan));
        Assert.Contains("is 11 bytes; the header alone needs 12", errors.MessageText);
        Assert.False(plan.IsPresent);
    }

    [Fact]
    public void CountDifferentFromModelTensorCountIsRefused()
    {
        Assert.Equal(Status.MalformedModel, OfflinePlan.TryParse(Words(1, 0, 3, 0, 0, 0), 4, errors, out _));
        Assert.Contains("lists 3 offsets but the model has 4 tensors", errors.MessageText);
    }

    [Fact]
    public void TruncatedOffsetsAreRefused()
    {
        byte[] metadata = Words(1, 0, 3, 0, 16, 32);
        Assert.Equal(Status.MalformedModel, OfflinePlan.TryParse(metadata.AsSpan(0, 22), 3, errors, out _));
        Assert.Contains("3 offsets need 24", errors.MessageText);
    }

    [Fact]
    public void NegativeCountIsRefused()
    {
        Assert.Equal(Status.MalformedModel, OfflinePlan.TryParse(Words(1, 0, -4), 0, errors, out _));
        Assert.Contains("declares -4 offsets", errors.MessageText);
    }

    [Fact]
    public void OffsetBelowMinusOneIsRefused()
    {
        Assert.Equal(Status.MalformedModel, OfflinePlan.TryParse(Words(1, 0, 3, 0, -2, 16), 3, errors, out _));
        Assert.Contains("offset of tensor 1 is -2", errors.MessageText);
    }

    [Fact]
    public void NegativeExpectedCountIsAnInvalidArgument()
    {
        Assert.Equal(Status.InvalidArgument, OfflinePlan.TryParse(Words(1, 0, 0), -1, errors, out _));
    }

    [Fact]
    public void EmptyOffsetListForEmptyModelIsAccepted()
    {
        Assert.Equal(Status.Ok, OfflinePlan.TryParse(Words(1, 1, 0), 0, errors, out OfflinePlan plan));
        Assert.Equal(0, plan.TensorCount);
    }

    [Fact]
    public void ParsedPlanFeedsTheGreedyPlanner()
    {
        // Metadata of TFLM's OfflinePlannerOverlappingAllocation, tensor lifetimes as in that test.
        Assert.Equal(Status.Ok, OfflinePlan.TryParse(Words(1, 0, 4, 0, 0, 48, -1), 4, errors, out OfflinePlan plan));
        int[] firsts = { 0, 0, 1, 2 };
        int[] lasts = { 1, 1, 2, 2 };
        using var workspace = new PlannerWorkspace(4 * 40);
        var planner = new GreedyMemoryPlanner();
        unsafe
        {
            Assert.Equal(Status.Ok, planner.Init(workspace.Pointer, workspace.Bytes, errors));
        }
        for (int t = 0; t < 4; t++)
        {
            Assert.Equal(Status.Ok, planner.AddBuffer(48, firsts[t], lasts[t], plan.OffsetFor(t), errors));
        }
        Assert.Equal(new[] { 0, 0, 48, 0 }, PlanChecks.Offsets(planner));
    }
}
