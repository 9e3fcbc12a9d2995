using TfLiteMicro.Memory;
using Xunit;

namespace TfLiteMicro.Core.Tests.Memory;

public unsafe class ArenaAllocatorTests
{
    [Fact]
    public void ArenaStartIsAlignedAndRegionsDoNotOverlap()
    {
        using NativeArena memory = new NativeArena(1024);
        ArenaAllocator arena = new ArenaAllocator(memory.Pointer + 3, 1000);
        Assert.Equal(0, (long)((nuint)arena.HeadStart % 16));

        byte* persistent = arena.AllocatePersistent(100, 16);
        Assert.True(persistent != null);
        Assert.Equal(0, (long)((nuint)persistent % 16));
        // The end is aligned down too, so the tail starts at the last 16-byte boundary of the memory.
        byte* alignedEnd = (byte*)((nuint)(memory.Pointer + 3 + 1000) & ~(nuint)15);
        Assert.Equal(arena.TailBytes, (int)(alignedEnd - persistent));

        byte* temp = arena.AllocateTemp(200, 8);
        Assert.True(temp != null);
        Assert.True(temp + 200 <= persistent);
        Assert.False(arena.IsAllTempDeallocated);
        arena.DeallocateTemp(temp);
        Assert.True(arena.IsAllTempDeallocated);
        Assert.True(arena.ResetTempAllocations());
    }

    [Fact]
    public void ExhaustionReturnsNull()
    {
        using NativeArena memory = new NativeArena(256);
        ArenaAllocator arena = new ArenaAllocator(memory.Pointer, 256);
        Assert.True(arena.AllocatePersistent(200, 16) != null);
        Assert.True(arena.AllocatePersistent(100, 16) == null);
        Assert.True(arena.AllocateTemp(100, 16) == null);
        Assert.True(arena.AllocateTemp(40, 16) != null);
    }

    [Fact]
    public void UnreleasedTempIsDetected()
    {
        using NativeArena memory = new NativeArena(256);
        ArenaAllocator arena = new ArenaAllocator(memory.Pointer, 256);
        byte* a = arena.AllocateTemp(16, 16);
        byte* b = arena.AllocateTemp(16, 16);
        arena.DeallocateTemp(a);
        Assert.False(arena.IsAllTempDeallocated);
        Assert.False(arena.ResetTempAllocations());
        Assert.True(arena.IsAllTempDeallocated);
        Assert.True(b != null);
    }

    [Fact]
    public void HeadCannotBeResizedWhileTempIsInUseOrIntoTheTail()
    {
        using NativeArena memory = new NativeArena(512);
        ArenaAllocator arena = new ArenaAllocator(memory.Pointer, 512);
        Assert.True(arena.ResizeHead(64));
        byte* temp = arena.AllocateTemp(16, 16);
        Assert.False(arena.ResizeHead(128));
        arena.DeallocateTemp(temp);
        arena.ResetTempAllocations();
        arena.AllocatePersistent(300, 16);
        Assert.False(arena.ResizeHead(400));
        Assert.True(arena.ResizeHead(128));
        Assert.Equal(128 + arena.TailBytes, arena.UsedBytes);
        // ReserveHead never shrinks (the head is shared by every model on the allocator).
        Assert.True(arena.ReserveHead(64));
        Assert.Equal(128, arena.HeadBytes);
    }
}
