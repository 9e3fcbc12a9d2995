using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using TfLiteMicro.Kernels.Reference;
using TfLiteMicro.Tools.CommandLine;
using TfLiteMicro.Tools.Models;
using TfLiteMicro.Tools.Resolvers;

namespace TfLiteMicro.Tools.Commands;

/// <summary>
/// <c>tflm resolver [MODEL...] [--ops NAME,...] [-o FILE.cs] [--class NAME] [--namespace NAME] [--public] [--uint8]</c>: C# source
/// that registers only the reference kernels the models (and the listed operators) need.
/// </summary>
public static class ResolverCommand
{
    private static readonly string[] Flags = ["--public", "--uint8", "--list"];
    private static readonly string[] Options = ["-o", "--output", "--ops", "--class", "--namespace"];

    public static int Run(IReadOnlyList<string> args, TextWriter stdout)
    {
        CommandLineArguments arguments = CommandLineArguments.Parse(args, Flags, Options);
        if (arguments.HelpRequested)
        {
            stdout.Write(HelpText.Resolver);
            return ExitCodes.Ok;
        }
        if (arguments.HasFlag("--list"))
        {
            foreach (KernelRegistration registration in ReferenceKernels.Registrations)
                stdout.WriteLine(registration.OperatorName + " " + registration.MethodName);
            return ExitCodes.Ok;
        }
        string className = arguments.GetSingle("--class") ?? "ModelOperators";
        string namespaceName = arguments.GetSingle("--namespace") ?? "TfLiteMicro.Generated";
        if (!Regex.IsMatch(className, "^[A-Za-z_][A-Za-z0-9_]*$")) throw new UsageException("--class needs a C# identifier, got '" + className + "'");
        if (!Regex.IsMatch(namespaceName, "^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"))
            throw new UsageException("--namespace needs a C# namespace name, got '" + namespaceName + "'");

        Dictionary<string, string> operators = new(StringComparer.Ordinal);
        bool legacyUInt8 = arguments.HasFlag("--uint8");
        foreach (string model in arguments.Positionals)
        {
            using ModelFile file = ModelFile.Load(model);
            foreach (string name in ResolverSource.OperatorsOf(file.Model)) operators.TryAdd(name, Path.GetFileName(model));
            legacyUInt8 |= ResolverSource.UsesLegacyUInt8(file.Model);
        }
        string? ops = arguments.GetSingle("--ops");
        if (ops != null)
        {
            foreach (string name in ops.Split(new[] { ',', ';', ' ' }, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                operators.TryAdd(name, "--ops");
        }
        if (operators.Count == 0) throw new UsageException("give at least one MODEL or --ops NAME,...");

        string source = ResolverSource.Generate(ResolverSource.Select(operators), namespaceName, className,
            arguments.HasFlag("--public"), "tflm resolver " + string.Join(" ", ForComment(args)), legacyUInt8);
        string? output = arguments.GetSingle("-o") ?? arguments.GetSingle("--output");
        if (output == null)
        {
            stdout.Write(source);
        }
        else
        {
            // Unchanged output keeps its timestamp, so builds that compile it stay incremental.
            if (!File.Exists(output) || File.ReadAllText(output) != source) File.WriteAllText(output, source);
        }
        return ExitCodes.Ok;
    }

    /// <summary>The arguments as given, with paths reduced to file names (the comment must not depend on where the build ran).</summary>
    private static IEnumerable<string> ForComment(IReadOnlyList<string> args)
    {
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            bool isValue = i > 0 && (args[i - 1] is "-o" or "--output");
            yield return isValue || arg.EndsWith(".tflite", StringComparison.OrdinalIgnoreCase) || arg.EndsWith(".cs", StringComparison.Ordinal)
                ? Path.GetFileName(arg) : arg;
        }
    }
}
