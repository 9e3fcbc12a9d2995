using System;
using TfLiteMicro.Kernels.Reference;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.Elementwise;

/// <summary>The broadcast walk shared by the elementwise ops: fusing, strides, validation and the cursor.</summary>
public unsafe class BroadcastShapeTests
{
    [Fact]
    public void SameShapesFuseIntoOneContiguousDimension()
    {
        Assert.True(BroadcastShape.TryCreate(new[] { 2, 3, 4 }, new[] { 2, 3, 4 }, new[] { 2, 3, 4 }, out BroadcastShape shape));
        Assert.Equal(1, shape.Rank);
        Assert.Equal(24, shape.ElementCount);
        Assert.Equal(24, shape.InnerLength);
        Assert.Equal(1, shape.InnerStride1);
        Assert.Equal(1, shape.InnerStride2);
    }

    [Fact]
    public void ScalarAgainstTensorIsOneDimensionWithAZeroStride()
    {
        Assert.True(BroadcastShape.TryCreate(new[] { 1, 1 }, new[] { 5, 1, 7 }, new[] { 5, 1, 7 }, out BroadcastShape shape));
        Assert.Equal(1, shape.Rank);
        Assert.Equal(35, shape.InnerLength);
        Assert.Equal(0, shape.InnerStride1);
        Assert.Equal(1, shape.InnerStride2);
    }

    [Fact]
    public void AlternatingBroadcastsKeepSeparateDimensions()
    {
        // [3,1] op [1,4] → [3,4]: the outer dimension steps input 1 only, the inner one input 2 only.
        Assert.True(BroadcastShape.TryCreate(new[] { 3, 1 }, new[] { 1, 4 }, new[] { 3, 4 }, out BroadcastShape shape));
        Assert.Equal(2, shape.Rank);
        Assert.Equal(3, shape.Dims[0]);
        Assert.Equal(4, shape.Dims[1]);
        Assert.Equal(1, shape.Strides1[0]);
        Assert.Equal(0, shape.Strides2[0]);
        Assert.Equal(0, shape.Strides1[1]);
        Assert.Equal(1, shape.Strides2[1]);
    }

    [Fact]
    public void CursorVisitsTheSameElementsAsNaiveIndexing()
    {
        int[] s1 = { 2, 1, 3, 1, 2 };
        int[] s2 = { 2, 1, 2, 1 };
        int[] so = { 2, 2, 3, 2, 2 };
        Assert.True(BroadcastShape.TryCreate(s1, s2, so, out BroadcastShape shape));
        int[] expected1 = BinaryOpHarness.SourceIndices(s1, so);
        int[] expected2 = BinaryOpHarness.SourceIndices(s2, so);
        BroadcastCursor cursor = default;
        int o = 0;
        do
        {
            for (int k = 0; k < shape.InnerLength; k++, o++)
            {
                Assert.Equal(expected1[o], cursor.Offset1 + k * shape.InnerStride1);
                Assert.Equal(expected2[o], cursor.Offset2 + k * shape.InnerStride2);
            }
        } while (cursor.NextRow(in shape));
        Assert.Equal(expected1.Length, o);
    }

    [Fact]
    public void RejectsIncompatibleShapesWrongOutputsAndTooManyDimensions()
    {
        Assert.False(BroadcastShape.TryCreate(new[] { 2, 3 }, new[] { 2 }, new[] { 2, 3 }, out _));
        Assert.False(BroadcastShape.TryCreate(new[] { 2, 3 }, new[] { 3 }, new[] { 3, 3 }, out _));
        Assert.False(BroadcastShape.TryCreate(new[] { 2, 3 }, new[] { 3 }, new[] { 3 }, out _));
        Assert.False(BroadcastShape.TryCreate(new int[9], new[] { 1 }, new int[9], out _));
        // Extra leading 1s on the output are fine.
        Assert.True(BroadcastShape.TryCreate(new[] { 2, 3 }, new[] { 3 }, new[] { 1, 2, 3 }, out _));
    }

    [Fact]
    public void BroadcastShapeOfTwoShapes()
    {
        Span<int> output = stackalloc int[BroadcastShape.MaxRank];
        Assert.True(BroadcastShape.TryGetBroadcastShape(new[] { 4, 1, 3 }, new[] { 5, 1 }, output, out int rank));
        Assert.Equal(new[] { 4, 5, 3 }, output.Slice(0, rank).ToArray());
        Assert.False(BroadcastShape.TryGetBroadcastShape(new[] { 4 }, new[] { 5 }, output, out _));
    }

    [Fact]
    public void ZeroExtentGivesNoElements()
    {
        Assert.True(BroadcastShape.TryCreate(new[] { 0, 3 }, new[] { 3 }, new[] { 0, 3 }, out BroadcastShape shape));
        Assert.Equal(0, shape.ElementCount);
    }
}
