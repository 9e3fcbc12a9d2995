using System;
using TfLiteMicro.Kernels.Reference;

namespace TfLiteMicro.Ports;

/// <summary>
/// One set of kernels a model can run with: the reference kernels, or a port on top of them (a port overrides only
/// the operators it accelerates; everything else stays the reference kernel, exactly as at run time).
/// </summary>
public sealed class KernelSet
{
    private readonly Func<OpResolver, Status>? overrideKernels;

    /// <param name="name">What users type (<c>--kernels NAME</c>) and tests show: lower case, words joined by '-'.</param>
    /// <param name="description">One line for help texts.</param>
    /// <param name="overrideKernels">
    /// The port's one table (<c>XxxKernels.OverrideAll</c>): replaces the kernels it accelerates in a resolver that
    /// already holds every reference kernel. Null for the reference set.
    /// </param>
    public KernelSet(string name, string description, Func<OpResolver, Status>? overrideKernels)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Description = description;
        this.overrideKernels = overrideKernels;
    }

    public string Name { get; }

    public string Description { get; }

    /// <summary>True for the reference kernels themselves (no overrides).</summary>
    public bool IsReference => overrideKernels == null;

    /// <summary>Registers every reference kernel in <paramref name="resolver"/>, then this set's overrides.</summary>
    public Status AddTo(OpResolver resolver)
    {
        Status status = ReferenceKernels.AddAll(resolver);
        if (status == Status.Ok && overrideKernels != null) status = overrideKernels(resolver);
        return status;
    }

    /// <summary>A new resolver with every operator this set provides.</summary>
    public OpResolver CreateResolver()
    {
        var resolver = new OpResolver();
        Status status = AddTo(resolver);
        if (status != Status.Ok)
            throw new InvalidOperationException("kernel set '" + Name + "' cannot register its kernels: " + resolver.Errors.MessageText);
        return resolver;
    }

    public override string ToString() => Name;
}
