using System.Collections.Generic;
using TfLiteMicro.Kernels.Reference;
using TfLiteMicro.Ports.CmsisNn;
using TfLiteMicro.Ports.Template;
using TfLiteMicro.Ports.X86Simd;
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

    /// <summary>The x86 SIMD port (ports/x86-simd): AVX-512, AVX2 or SSE4.1, whichever the process may use.</summary>
    public const string X86Simd = "x86-simd";

    /// <summary>The template port (ports/template, docs/writing-a-port.md): overrides float32 ADD only.</summary>
    public const string Template = "template";

    /// <summary>
    /// The cmsis-nn port (ports/cmsis-nn): on the host its microkernels run as their C# twins, which have the same
    /// contract as the Thumb-2 code the firmware runs.
    /// </summary>
    public const string CmsisNn = "cmsis-nn";

    public static IEnumerable<object[]> All()
    {
        yield return new object[] { Reference };
        yield return new object[] { X86Simd };
        yield return new object[] { Template };
        yield return new object[] { CmsisNn };
    }

    public static OpKernel Get(string implementation, BuiltinOperator op)
    {
        OpResolver resolver = new OpResolver();
        ReferenceKernels.AddAll(resolver);
        if (implementation == X86Simd) X86SimdKernels.OverrideAll(resolver);
        if (implementation == Template) TemplateKernels.OverrideAll(resolver);
        if (implementation == CmsisNn) CmsisNnKernels.OverrideAll(resolver);
        int slot = resolver.FindBuiltin(op);
        return resolver.GetKernel(slot);
    }
}
