using System;
using System.Collections.Generic;
using System.Threading;
using TfLiteMicro.Ports;
using TfLiteMicro.Schema;

namespace TfLiteMicro.Testing;

/// <summary>
/// The kernel sets every test runs against: <see cref="KernelSets.All"/> (ports/kernel-sets), the one list the tool
/// uses too. Test helpers resolve a set by name through <see cref="CreateResolver"/>, so a port added to that list
/// is run by every kernel, golden and model test. <see cref="Substitute"/> lets a test run the helpers with a set
/// that is not in the list (PortCoverageTests proves with a deliberately broken port that the helpers really use
/// the named set's kernels).
/// </summary>
public static class TestKernelSets
{
    private static readonly AsyncLocal<KernelSet?> substitute = new AsyncLocal<KernelSet?>();

    /// <summary>Every kernel set's name, the reference first (xUnit member data: one row per set).</summary>
    public static IEnumerable<object[]> All()
    {
        foreach (KernelSet set in KernelSets.All) yield return new object[] { set.Name };
    }

    /// <summary>Every port's name (all sets but the reference).</summary>
    public static IEnumerable<object[]> Ports()
    {
        foreach (KernelSet set in KernelSets.Ports) yield return new object[] { set.Name };
    }

    /// <summary>The set called <paramref name="name"/>: the substitute of the current test, else the registry's.</summary>
    public static KernelSet Get(string name)
    {
        KernelSet? extra = substitute.Value;
        if (extra != null && extra.Name == name) return extra;
        return KernelSets.Get(name);
    }

    /// <summary>A resolver with every kernel of the named set (reference kernels where the set has no override).</summary>
    public static OpResolver CreateResolver(string name) => Get(name).CreateResolver();

    /// <summary>The kernel the named set runs for a builtin operator.</summary>
    public static OpKernel Kernel(string name, BuiltinOperator op)
    {
        OpResolver resolver = CreateResolver(name);
        int slot = resolver.FindBuiltin(op);
        if (slot < 0) throw new InvalidOperationException("kernel set '" + name + "' has no kernel for " + op);
        return resolver.GetKernel(slot);
    }

    /// <summary>The kernel the named set runs for a custom operator.</summary>
    public static OpKernel CustomKernel(string name, string customName)
    {
        OpResolver resolver = CreateResolver(name);
        int slot = resolver.FindCustom(customName);
        if (slot < 0) throw new InvalidOperationException("kernel set '" + name + "' has no kernel for custom op " + customName);
        return resolver.GetKernel(slot);
    }

    /// <summary>
    /// Until disposed, and only in the calling test's flow, <paramref name="set"/> is found by its name as if it
    /// were in the registry.
    /// </summary>
    public static IDisposable Substitute(KernelSet set)
    {
        KernelSet? previous = substitute.Value;
        substitute.Value = set;
        return new Restore(previous);
    }

    private sealed class Restore : IDisposable
    {
        private readonly KernelSet? previous;

        public Restore(KernelSet? previous) => this.previous = previous;

        public void Dispose() => substitute.Value = previous;
    }
}
