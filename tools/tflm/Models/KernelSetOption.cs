using TfLiteMicro.Ports;
using TfLiteMicro.Tools.CommandLine;

namespace TfLiteMicro.Tools.Models;

/// <summary>
/// The <c>--kernels NAME</c> option: a name from <see cref="KernelSets.All"/> (ports/kernel-sets, the list the tests
/// use too). An unknown name is a usage error that lists the valid ones.
/// </summary>
public static class KernelSetOption
{
    /// <summary>The default kernel set's name.</summary>
    public const string DefaultName = "reference";

    public static KernelSet Parse(string? name) =>
        name == null ? KernelSets.Reference : KernelSets.Find(name) ?? throw new UsageException(KernelSets.UnknownMessage(name));

    /// <summary>A resolver with every kernel of the named set.</summary>
    public static OpResolver CreateResolver(string name) => Parse(name).CreateResolver();

    /// <summary>The option's help lines: one per kernel set, from the registry.</summary>
    public static string HelpLines(string indent)
    {
        var text = new System.Text.StringBuilder();
        foreach (KernelSet set in KernelSets.All) text.Append(indent).Append(set.Name.PadRight(12)).Append(set.Description).Append('\n');
        return text.ToString();
    }
}
