using TfLiteMicro.Ports.CmsisNn;
using TfLiteMicro.Ports.Template;
using TfLiteMicro.Ports.X86Simd;
using TfLiteMicro.Tools.CommandLine;

namespace TfLiteMicro.Tools.Models;

/// <summary>
/// The kernel sets the tool can run a model with (<c>--kernels NAME</c>): the reference kernels, and each port on
/// top of them (a port overrides only the ops it accelerates). An unknown name is a usage error listing the valid
/// ones.
/// </summary>
public static class KernelSets
{
    public const string Reference = "reference";
    public const string X86Simd = "x86-simd";
    public const string Template = "template";
    public const string CmsisNn = "cmsis-nn";

    /// <summary>Every valid name, in the order help texts list them.</summary>
    public static readonly string[] Names = { Reference, X86Simd, Template, CmsisNn };

    public static OpResolver Create(string name)
    {
        switch (name)
        {
            case Reference:
                return ReferenceResolver.Create();
            case X86Simd:
            {
                OpResolver resolver = ReferenceResolver.Create();
                X86SimdKernels.OverrideAll(resolver);
                return resolver;
            }
            case Template:
            {
                OpResolver resolver = ReferenceResolver.Create();
                TemplateKernels.OverrideAll(resolver);
                return resolver;
            }
            case CmsisNn:
            {
                // On the host the port's microkernels run as their C# twins (bit-exact with the device's Thumb-2 code).
                OpResolver resolver = ReferenceResolver.Create();
                CmsisNnKernels.OverrideAll(resolver);
                return resolver;
            }
            default:
                throw new UsageException("unknown kernel set '" + name + "'; valid kernel sets: " + string.Join(", ", Names));
        }
    }
}
