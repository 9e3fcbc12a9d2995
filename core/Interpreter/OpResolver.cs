using System;
using TfLiteMicro.Schema;

namespace TfLiteMicro;

/// <summary>
/// Maps the operators a model uses to kernels, with explicit registration into a fixed-capacity table (TFLM's
/// MicroMutableOpResolver). Only kernels that are added get linked into a trimmed/AOT image. The reference kernels
/// add themselves through extension methods (<c>resolver.AddFullyConnected()</c> ...); a port replaces entries with
/// <see cref="Override"/>.
/// </summary>
public sealed partial class OpResolver
{
    public const int DefaultCapacity = 128;

    private readonly OpKernel?[] kernels;
    private readonly BuiltinOperator[] codes;
    private readonly byte[]?[] customNames;
    private int count;

    public OpResolver(int capacity = DefaultCapacity)
    {
        if (capacity < 1) capacity = 1;
        kernels = new OpKernel?[capacity];
        codes = new BuiltinOperator[capacity];
        customNames = new byte[]?[capacity];
        Errors = new ErrorReporter();
    }

    /// <summary>Messages of failed registrations.</summary>
    public ErrorReporter Errors { get; }

    public int Count => count;
    public int Capacity => kernels.Length;

    /// <summary>Registers a builtin operator. Adding the same operator twice or past capacity is an error.</summary>
    public Status AddBuiltin(BuiltinOperator op, OpKernel kernel)
    {
        if (op == BuiltinOperator.CUSTOM)
            return Errors.Fail(Status.InvalidArgument, "use AddCustom to register custom operators"u8);
        if (FindBuiltin(op) >= 0)
            return Errors.Fail(Status.InvalidArgument, "operator "u8).AppendName(BuiltinOperators.Name(op))
                .Append(" is already registered in the op resolver"u8);
        return Insert(op, null, kernel);
    }

    /// <summary>Registers a custom operator by the name the model's operator code carries (UTF-8, e.g. <c>"SignalWindow"u8</c>).</summary>
    public Status AddCustom(ReadOnlySpan<byte> name, OpKernel kernel)
    {
        if (FindCustom(name) >= 0)
            return Errors.Fail(Status.InvalidArgument, "custom operator "u8).AppendName(name)
                .Append(" is already registered in the op resolver"u8);
        byte[] copy = new byte[name.Length];
        name.CopyTo(copy);
        return Insert(BuiltinOperator.CUSTOM, copy, kernel);
    }

    /// <summary>Adds or replaces the kernel of a builtin operator (how a port swaps in its faster kernels).</summary>
    public Status Override(BuiltinOperator op, OpKernel kernel)
    {
        int slot = FindBuiltin(op);
        if (slot < 0) return AddBuiltin(op, kernel);
        kernels[slot] = kernel;
        return Status.Ok;
    }

    /// <summary>Adds or replaces the kernel of a custom operator.</summary>
    public Status OverrideCustom(ReadOnlySpan<byte> name, OpKernel kernel)
    {
        int slot = FindCustom(name);
        if (slot < 0) return AddCustom(name, kernel);
        kernels[slot] = kernel;
        return Status.Ok;
    }

    public int FindBuiltin(BuiltinOperator op)
    {
        for (int i = 0; i < count; i++)
        {
            if (codes[i] == op && customNames[i] == null) return i;
        }
        return -1;
    }

    public int FindCustom(ReadOnlySpan<byte> name)
    {
        for (int i = 0; i < count; i++)
        {
            byte[]? candidate = customNames[i];
            if (candidate != null && SameBytes(candidate, name)) return i;
        }
        return -1;
    }

    public int FindCustom(Utf8Span name) => FindCustom(name.Bytes);

    public OpKernel GetKernel(int slot) => kernels[slot]!;

    public BuiltinOperator GetCode(int slot) => codes[slot];

    /// <summary>The op name used in messages and by the profiler ("FULLY_CONNECTED", or the custom name).</summary>
    public OperatorName GetName(int slot) => new OperatorName(codes[slot], customNames[slot]);

    /// <summary>True when a builtin operator is registered.</summary>
    public bool Contains(BuiltinOperator op) => FindBuiltin(op) >= 0;

    private Status Insert(BuiltinOperator op, byte[]? name, OpKernel kernel)
    {
        if (count == kernels.Length)
        {
            Errors.Fail(Status.CapacityExceeded, "op resolver is full (capacity "u8).Append(kernels.Length)
                .Append("); cannot add "u8);
            return name != null ? Errors.AppendName(name) : Errors.AppendName(BuiltinOperators.Name(op));
        }
        kernels[count] = kernel;
        codes[count] = op;
        customNames[count] = name;
        count++;
        return Status.Ok;
    }

    private static bool SameBytes(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (a.Length != b.Length) return false;
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i]) return false;
        }
        return true;
    }
}
