using System;
using System.Collections.Generic;
using System.IO;
using TfLiteMicro.CodeGeneration;
using TfLiteMicro.Schema;
using TfLiteMicro.Tools.CommandLine;
using TfLiteMicro.Tools.Models;

namespace TfLiteMicro.Tools.Commands;

/// <summary>
/// <c>tflm resolver [MODEL ...] [--ops NAME,...] [--uint8] [--namespace NS] [--class NAME] [-o OUT.cs] [--list]</c>:
/// C# that registers exactly the reference kernels the models (and the listed operators) need — the firmware
/// examples' ModelOperators.g.cs and the C library's LibraryOperators.
/// </summary>
public static class ResolverCommand
{
    private static readonly string[] Flags = ["--uint8", "--list"];
    private static readonly string[] Options = ["--namespace", "--class", "--output", "-o", "--ops"];

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
            var names = new List<string>(ResolverGenerator.Registrations.Keys);
            names.Sort(StringComparer.Ordinal);
            foreach (string name in names) stdout.WriteLine(name + " " + ResolverGenerator.Registrations[name].Method);
            return ExitCodes.Ok;
        }
        var extraOperators = new List<string>();
        string? ops = arguments.GetSingle("--ops");
        if (ops != null)
        {
            foreach (string name in ops.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!extraOperators.Contains(name)) extraOperators.Add(name);
            }
        }
        if (arguments.Positionals.Count == 0 && extraOperators.Count == 0) throw new UsageException("give at least one MODEL or --ops NAME,...");
        string namespaceName = arguments.GetSingle("--namespace") ?? "TfLiteMicro.Generated";
        string className = arguments.GetSingle("--class") ?? "ModelOperators";
        if (!IsIdentifier(className)) throw new UsageException("--class needs a C# identifier, got '" + className + "'");
        foreach (string part in namespaceName.Split('.'))
            if (!IsIdentifier(part)) throw new UsageException("--namespace needs a C# namespace, got '" + namespaceName + "'");
        string? output = arguments.GetSingle("--output") ?? arguments.GetSingle("-o");
        bool legacyUInt8 = arguments.HasFlag("--uint8");

        var files = new List<ModelFile>();
        try
        {
            var models = new List<(string, Model)>();
            foreach (string path in arguments.Positionals)
            {
                ModelFile file = ModelFile.Load(path);
                files.Add(file);
                models.Add((DisplayName(path), file.Model));
            }
            // The header quotes the command that regenerates the file (run from where it was run).
            var command = new List<string> { "tflm resolver" };
            foreach (string path in arguments.Positionals) command.Add(path.Replace('\\', '/'));
            if (extraOperators.Count > 0) command.Add("--ops " + string.Join(",", extraOperators));
            if (legacyUInt8) command.Add("--uint8");
            command.Add("--namespace " + namespaceName + " --class " + className);
            string source;
            try
            {
                source = ResolverGenerator.Generate(models, extraOperators, namespaceName, className, string.Join(" ", command), legacyUInt8);
            }
            catch (InvalidOperationException e)
            {
                throw new ToolException(e.Message);
            }
            if (output == null) stdout.Write(source);
            else
            {
                // Unchanged output keeps its timestamp, so builds that compile it stay incremental.
                if (!File.Exists(output) || File.ReadAllText(output) != source) File.WriteAllText(output, source);
                stdout.WriteLine("wrote " + output);
            }
        }
        finally
        {
            foreach (ModelFile file in files) file.Dispose();
        }
        return ExitCodes.Ok;
    }

    /// <summary>The file name, or for the test data's folder/model.tflite the folder's name (the model's id).</summary>
    private static string DisplayName(string path)
    {
        string name = Path.GetFileName(path);
        if (name != "model.tflite") return name;
        string? folder = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path)));
        return string.IsNullOrEmpty(folder) ? name : folder;
    }

    private static bool IsIdentifier(string text)
    {
        if (text.Length == 0 || !(char.IsLetter(text[0]) || text[0] == '_')) return false;
        foreach (char c in text)
        {
            if (!char.IsLetterOrDigit(c) && c != '_') return false;
        }
        return true;
    }
}
