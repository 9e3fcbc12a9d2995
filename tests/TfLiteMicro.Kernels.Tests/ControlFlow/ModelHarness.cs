using System;
using TfLiteMicro.Memory;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.ControlFlow;

/// <summary>
/// Control-flow and resource-variable kernels need a whole model (other subgraphs, the interpreter's variables),
/// so their tests run small built models through a real interpreter with every kernel of one implementation.
/// </summary>
public sealed unsafe class ModelHarness : IDisposable
{
    private readonly LoadedModel model;
    private readonly NativeArena arena;

    public ModelHarness(string implementation, byte[] modelBytes, InterpreterOptions? options = null, int arenaBytes = 32 * 1024)
    {
        OpResolver resolver = TestKernelSets.CreateResolver(implementation);
        model = new LoadedModel(modelBytes);
        arena = new NativeArena(arenaBytes);
        Interpreter = new MicroInterpreter(model.Model, resolver, arena.Pointer, arena.Size, options);
    }

    public MicroInterpreter Interpreter { get; }

    public string Message => Interpreter.Errors.MessageText;

    /// <summary>AllocateTensors, asserting success.</summary>
    public ModelHarness Allocated()
    {
        Status status = Interpreter.AllocateTensors();
        Assert.True(status == Status.Ok, Message);
        return this;
    }

    public void SetInput<T>(int index, params T[] values) where T : unmanaged
    {
        Span<T> input = Interpreter.Input(index).DataAs<T>();
        Assert.Equal(values.Length, input.Length);
        values.AsSpan().CopyTo(input);
    }

    public void Invoke()
    {
        Status status = Interpreter.Invoke();
        Assert.True(status == Status.Ok, Message);
    }

    public T[] Output<T>(int index) where T : unmanaged => Interpreter.Output(index).DataAs<T>().ToArray();

    public void Dispose()
    {
        arena.Dispose();
        model.Dispose();
    }
}
