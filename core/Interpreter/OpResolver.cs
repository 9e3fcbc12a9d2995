using TfLiteMicro.Schema;

namespace TfLiteMicro;

/// <summary>
/// Maps the operators a model uses to kernels, with explicit registration into a fixed-capacity table (TFLM's
/// MicroMutableOpResolver). Only kernels that are added get linked into a trimmed/AOT image. The reference kernels
/// add themselves through extension methods (<c>resolver.AddFullyConnected()</c> ...); a port replaces entries with
/// <see cref="Override"/>.
/// </summary>
public sealed class OpResolver
{
    public const int DefaultCapacity = 128;

    private readonly OpKernel?[] kernels;
    private readonly BuiltinOperator[] codes;
    private readonly string?[] customNames;
    private int count;

    public OpResolver(int capacity = DefaultCapacity)
    {
        if (capacity < 1) capacity = 1;
        kernels = new OpKernel?[capacity];
        codes = new BuiltinOperator[capacity];
        customNames = new string?[capacity];
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
            return Errors.Fail(Status.InvalidArgument, "use AddCustom to register custom operators");
        if (FindBuiltin(op) >= 0)
            return Errors.Fail(Status.InvalidArgument, "operator ").Append(BuiltinOperators.Name(op))
                .Append(" is already registered in the op resolver");
        return Insert(op, null, kernel);
    }

    /// <summary>Registers a custom operator by the name the model's operator code carries.</summary>
    public Status AddCustom(string name, OpKernel kernel)
    {
        if (FindCustom(name) >= 0)
            return Errors.Fail(Status.InvalidArgument, "custom operator ").Append(name)
                .Append(" is already registered in the op resolver");
        return Insert(BuiltinOperator.CUSTOM, name, kernel);
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
    public Status OverrideCustom(string name, OpKernel kernel)
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

    public int FindCustom(string name)
    {
        for (int i = 0; i < count; i++)
        {
            string? candidate = customNames[i];
            if (candidate != null && SameText(candidate, name)) return i;
        }
        return -1;
    }

    public int FindCustom(Utf8Span name)
    {
        for (int i = 0; i < count; i++)
        {
            string? candidate = customNames[i];
            if (candidate != null && name.EqualsAscii(candidate)) return i;
        }
        return -1;
    }

    public OpKernel GetKernel(int slot) => kernels[slot]!;

    public BuiltinOperator GetCode(int slot) => codes[slot];

    /// <summary>The op name used in messages and by the profiler ("FULLY_CONNECTED", or the custom name).</summary>
    public string GetName(int slot) => customNames[slot] ?? BuiltinOperators.Name(codes[slot]);

    /// <summary>True when a builtin operator is registered.</summary>
    public bool Contains(BuiltinOperator op) => FindBuiltin(op) >= 0;

    private Status Insert(BuiltinOperator op, string? name, OpKernel kernel)
    {
        if (count == kernels.Length)
        {
            Errors.Fail(Status.CapacityExceeded, "op resolver is full (capacity ").Append(kernels.Length)
                .Append("); cannot add ");
            return name != null ? Errors.Append(name) : Errors.Append(BuiltinOperators.Name(op));
        }
        kernels[count] = kernel;
        codes[count] = op;
        customNames[count] = name;
        count++;
        return Status.Ok;
    }

    private static bool SameText(string a, string b)
    {
        if (a.Length != b.Length) return false;
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i]) return false;
        }
        return true;
    }
}
