using System.Collections.Generic;
using TfLiteMicro.Kernels.Reference;
using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Tests;

/// <summary>
/// Every implementation the kernel suite runs against: the reference kernels and, as ports land, each port's
/// kernels. A test takes a <see cref="KernelSet"/> name and asks it for the kernel of its operator; a set that does
/// not accelerate the operator falls back to the reference, exactly as the resolver does at run time.
/// </summary>
public static class KernelImplementations
{
    public const string Reference = "reference";

    public static IEnumerable<object[]> All()
    {
        yield return new object[] { Reference };
    }

    public static OpKernel Get(string implementation, BuiltinOperator op)
    {
        OpResolver resolver = new OpResolver();
        ReferenceKernels.AddAll(resolver);
        // Ports override entries here (resolver.Override) when they exist.
        int slot = resolver.FindBuiltin(op);
        return resolver.GetKernel(slot);
    }
}
