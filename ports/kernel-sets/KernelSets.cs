using System;
using System.Collections.Generic;
using TfLiteMicro.Ports.Template;
using TfLiteMicro.Ports.X86Simd;

namespace TfLiteMicro.Ports;

/// <summary>
/// Every kernel set of the repository, in one list. The tool (<c>--kernels NAME</c> and its help text), the kernel
/// test suite, the golden-model tests and every other test helper read this list, so adding a port here is what
/// makes every test run it (docs/writing-a-port.md). An unknown name is an error listing the valid ones.
/// </summary>
public static class KernelSets
{
    public static readonly KernelSet Reference =
        new KernelSet("reference", "portable reference kernels, bit-exact with TFLM's (the default)", null);

    public static readonly KernelSet X86Simd =
        new KernelSet("x86-simd", "AVX-512 / AVX2 / SSE4.1 kernels for x86-64 hosts (ports/x86-simd)", X86SimdKernels.OverrideAll);

    public static readonly KernelSet Template =
        new KernelSet("template", "the porting guide's template port: float32 ADD only (ports/template)", TemplateKernels.OverrideAll);

    /// <summary>Every kernel set, the reference first. A new port adds one line here.</summary>
    public static IReadOnlyList<KernelSet> All { get; } = [Reference, X86Simd, Template];

    /// <summary>The sets that override something (every set but the reference).</summary>
    public static IReadOnlyList<KernelSet> Ports { get; } = FindPorts();

    /// <summary>Every name, in the order of <see cref="All"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = NamesOf(All);

    /// <summary>"reference, x86-simd, template": the names as help texts and error messages list them.</summary>
    public static string NamesText => string.Join(", ", Names);

    /// <summary>The set called <paramref name="name"/>, or null.</summary>
    public static KernelSet? Find(string name)
    {
        foreach (KernelSet set in All)
        {
            if (string.Equals(set.Name, name, StringComparison.Ordinal)) return set;
        }
        return null;
    }

    /// <summary>The set called <paramref name="name"/>; an unknown name throws, listing the valid ones.</summary>
    public static KernelSet Get(string name) => Find(name) ?? throw new ArgumentException(UnknownMessage(name), nameof(name));

    /// <summary>"unknown kernel set 'x'; valid kernel sets: reference, x86-simd, template".</summary>
    public static string UnknownMessage(string name) => "unknown kernel set '" + name + "'; valid kernel sets: " + NamesText;

    private static List<KernelSet> FindPorts()
    {
        var ports = new List<KernelSet>();
        foreach (KernelSet set in All)
        {
            if (!set.IsReference) ports.Add(set);
        }
        return ports;
    }

    private static List<string> NamesOf(IReadOnlyList<KernelSet> sets)
    {
        var names = new List<string>(sets.Count);
        foreach (KernelSet set in sets) names.Add(set.Name);
        return names;
    }
}
