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

    /// <summary>Every valid name, in the order help texts list them.</summary>
    public static readonly string[] Names = { Reference };

    public static OpResolver Create(string name)
    {
        switch (name)
        {
            case Reference:
                return ReferenceResolver.Create();
            default:
                throw new UsageException("unknown kernel set '" + name + "'; valid kernel sets: " + string.Join(", ", Names));
        }
    }
}
