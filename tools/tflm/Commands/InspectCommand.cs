using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using TfLiteMicro.Tools.CommandLine;
using TfLiteMicro.Tools.Inspection;
using TfLiteMicro.Tools.Models;

namespace TfLiteMicro.Tools.Commands;

/// <summary><c>tflm inspect MODEL [--json]</c>.</summary>
public static class InspectCommand
{
    private static readonly string[] Flags = ["--json"];
    private static readonly string[] Options = [];

    public static int Run(IReadOnlyList<string> args, TextWriter stdout)
    {
        CommandLineArguments arguments = CommandLineArguments.Parse(args, Flags, Options);
        if (arguments.HelpRequested)
        {
            stdout.Write(HelpText.Inspect);
            return ExitCodes.Ok;
        }
        if (arguments.Positionals.Count != 1)
            throw new UsageException(arguments.Positionals.Count == 0 ? "missing MODEL" : "expected one MODEL, got " + arguments.Positionals.Count + " positional arguments");

        using ModelFile file = ModelFile.Load(arguments.Positionals[0]);
        ModelDescription description = ModelInspector.Describe(file, ReferenceResolver.Create());
        if (arguments.HasFlag("--json"))
        {
            stdout.WriteLine(JsonSerializer.Serialize(description, InspectionJsonContext.Default.ModelDescription));
        }
        else
        {
            ModelDescriptionPrinter.Print(description, stdout);
        }
        return ExitCodes.Ok;
    }
}
