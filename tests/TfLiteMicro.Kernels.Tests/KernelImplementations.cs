using System.Collections.Generic;
using TfLiteMicro.Ports;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;

namespace TfLiteMicro.Kernels.Tests;

/// <summary>
/// Every implementation the kernel suite runs against: the kernel sets of <see cref="KernelSets.All"/>
/// (ports/kernel-sets, the list the tool uses too), resolved through <see cref="TestKernelSets"/>. A test takes a
/// set's name and asks it for the kernel of its operator; a set that does not accelerate the operator falls back to
/// the reference, exactly as the resolver does at run time. A port added to that list runs here with no new code.
/// </summary>
public static class KernelImplementations
{
    public static readonly string Reference = KernelSets.Reference.Name;

    /// <summary>The x86 SIMD port (ports/x86-simd): AVX-512, AVX2 or SSE4.1, whichever the process may use.</summary>
    public static readonly string X86Simd = KernelSets.X86Simd.Name;

    /// <summary>The template port (ports/template, docs/writing-a-port.md): overrides float32 ADD only.</summary>
    public static readonly string Template = KernelSets.Template.Name;

    /// <summary>xUnit member data: one row per kernel set.</summary>
    public static IEnumerable<object[]> All() => TestKernelSets.All();

    public static OpKernel Get(string implementation, BuiltinOperator op) => TestKernelSets.Kernel(implementation, op);
}
