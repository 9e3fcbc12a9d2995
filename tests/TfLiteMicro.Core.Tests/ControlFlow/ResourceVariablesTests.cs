using System;
using System.Text;
using TfLiteMicro;
using TfLiteMicro.Memory;
using TfLiteMicro.Schema;
using Xunit;

namespace TfLiteMicro.Core.Tests.ControlFlow;

public unsafe class ResourceVariablesTests : IDisposable
{
    private readonly NativeArena arena = new NativeArena(4096);
    private readonly NativeArena names = new NativeArena(256);
    private readonly ErrorReporter errors = new ErrorReporter();
    private readonly ArenaAllocator allocator;
    private readonly FakeKernelContext context;
    private int namesUsed;

    public ResourceVariablesTests()
    {
        allocator = new ArenaAllocator(arena.Pointer, arena.Size);
        context = new FakeKernelContext(allocator, null, Array.Empty<TensorInfo>(), errors);
        context.SetPhase(KernelPhase.Prepare);
    }

    public void Dispose()
    {
        arena.Dispose();
        names.Dispose();
    }

    private Utf8Span Name(string text)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(text);
        byte* start = names.Pointer + namesUsed;
        bytes.AsSpan().CopyTo(new Span<byte>(start, bytes.Length));
        namesUsed += bytes.Length + 1;
        return new Utf8Span(start, bytes.Length);
    }

    private ResourceVariables Create(int capacity)
    {
        void* table = allocator.AllocatePersistent(ResourceVariables.TableBytes(capacity), 8);
        ResourceVariables? variables = ResourceVariables.Create(table, capacity, errors);
        Assert.NotNull(variables);
        return variables!;
    }

    private static TensorInfo Value(TensorType type, int* dims, QuantizationInfo quantization = default) =>
        new TensorInfo(0, type, dims, null, false, false, quantization);

    [Fact]
    public void SameNamesGiveTheSameIdAndNewNamesNewIds()
    {
        ResourceVariables variables = Create(3);
        int a = variables.CreateIdIfNoneFound(Name("c"), Name("a"));
        int b = variables.CreateIdIfNoneFound(Name("c"), Name("b"));
        int otherContainer = variables.CreateIdIfNoneFound(Name("d"), Name("a"));
        Assert.Equal(0, a);
        Assert.Equal(1, b);
        Assert.Equal(2, otherContainer);
        Assert.Equal(a, variables.CreateIdIfNoneFound(Name("c"), Name("a")));
        Assert.Equal(otherContainer, variables.FindId(Name("d"), Name("a")));
        Assert.Equal(3, variables.Count);
    }

    [Fact]
    public void HandleWithoutContainerMatchesAnyContainer()
    {
        ResourceVariables variables = Create(2);
        int id = variables.CreateIdIfNoneFound(Name("box"), Name("v"));
        Assert.Equal(id, variables.FindId(default, Name("v")));
        Assert.Equal(-1, variables.FindId(Name("other"), Name("v")));
        Assert.Equal(-1, variables.FindId(default, Name("w")));
    }

    [Fact]
    public void BudgetIsEnforced()
    {
        ResourceVariables variables = Create(1);
        Assert.Equal(0, variables.CreateIdIfNoneFound(Name("c"), Name("a")));
        Assert.Equal(-1, variables.CreateIdIfNoneFound(Name("c"), Name("b")));
        Assert.Equal(Status.CapacityExceeded, errors.LastStatus);
        Assert.Contains("budget of 1 variables is used up", errors.MessageText);
        Assert.Equal(1, variables.Count);
    }

    [Fact]
    public void AllocateFillsWithTheInt8ZeroPointOnceAndResetRefills()
    {
        ResourceVariables variables = Create(2);
        int id = variables.CreateIdIfNoneFound(Name("c"), Name("q"));
        int* dims = stackalloc int[] { 1, 5 };
        Assert.Equal(Status.Ok, variables.Allocate(id, context, Value(TensorType.Int8, dims, new QuantizationInfo(0.5f, -3))));
        Assert.Equal(5, variables.BytesOf(id));
        byte* buffer = variables.BufferOf(id);
        for (int i = 0; i < 5; i++) Assert.Equal(unchecked((byte)-3), buffer[i]);

        // A second Allocate (another ASSIGN_VARIABLE of the same variable) keeps the first buffer.
        int* bigger = stackalloc int[] { 1, 9 };
        Assert.Equal(Status.Ok, variables.Allocate(id, context, Value(TensorType.Int8, bigger)));
        Assert.Equal(5, variables.BytesOf(id));
        Assert.True(buffer == variables.BufferOf(id));

        sbyte* value = stackalloc sbyte[] { 1, 2, 3, 4, 5 };
        Assert.Equal(Status.Ok, variables.Assign(id, value, 5));
        for (int i = 0; i < 5; i++) Assert.Equal((byte)(i + 1), buffer[i]);
        variables.ResetAll();
        for (int i = 0; i < 5; i++) Assert.Equal(unchecked((byte)-3), buffer[i]);
    }

    [Fact]
    public void UnquantizedVariablesDefaultToZero()
    {
        ResourceVariables variables = Create(1);
        int id = variables.CreateIdIfNoneFound(Name("c"), Name("f"));
        int* dims = stackalloc int[] { 2, 2, 3 };
        Assert.Equal(Status.Ok, variables.Allocate(id, context, Value(TensorType.Float32, dims)));
        Assert.Equal(24, variables.BytesOf(id));
        float* value = stackalloc float[6] { 1.5f, -2f, 3f, 0.25f, 8f, -9f };
        float* read = stackalloc float[6];
        Assert.Equal(Status.Ok, variables.Read(id, read, 24));
        for (int i = 0; i < 6; i++) Assert.Equal(0f, read[i]);
        Assert.Equal(Status.Ok, variables.Assign(id, value, 24));
        Assert.Equal(Status.Ok, variables.Read(id, read, 24));
        for (int i = 0; i < 6; i++) Assert.Equal(value[i], read[i]);
    }

    [Fact]
    public void AccessErrorsAreReported()
    {
        ResourceVariables variables = Create(2);
        int id = variables.CreateIdIfNoneFound(Name("c"), Name("v"));
        int* buffer = stackalloc int[4];

        Assert.Equal(Status.InvalidState, variables.Read(id, buffer, 16));
        Assert.Contains("no ASSIGN_VARIABLE allocated its buffer", errors.MessageText);

        Assert.Equal(Status.InvalidArgument, variables.Assign(5, buffer, 16));
        Assert.Contains("resource variable 5: only 1 exist", errors.MessageText);

        int* dims = stackalloc int[] { 1, 4 };
        Assert.Equal(Status.Ok, variables.Allocate(id, context, Value(TensorType.Int32, dims)));
        Assert.Equal(Status.InvalidArgument, variables.Read(id, buffer, 12));
        Assert.Contains("of 16 bytes with a tensor of 12 bytes", errors.MessageText);

        Assert.Equal(Status.InvalidArgument, variables.Allocate(1, context, Value(TensorType.Int32, dims)));
    }

    [Fact]
    public void NegativeCapacityIsRejected()
    {
        Assert.Null(ResourceVariables.Create(null, -1, errors));
        Assert.NotNull(ResourceVariables.Create(null, 0, errors));
    }
}
