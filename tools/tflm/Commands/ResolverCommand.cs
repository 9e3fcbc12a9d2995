using System;
using System.Collections.Generic;
using System.IO;
using TfLiteMicro.CodeGeneration;
using TfLiteMicro.Schema;
using TfLiteMicro.Tools.CommandLine;
using TfLiteMicro.Tools.Models;

namespace TfLiteMicro.Tools.Commands;

/// <summary><c>tflm resolver MODEL [MODEL ...] [--namespace NS] [--class NAME] [-o OUT.cs]</c>.</summary>
public static class ResolverCommand
{
    private static readonly string[] Flags = [];
    private static readonly string[] Options = ["--namespace", "--class", "--output", "-o"];

    public static int Run(IReadOnlyList<string> args, TextWriter stdout)
    {
        CommandLineArguments arguments = CommandLineArguments.Parse(args, Flags, Options);
        if (arguments.HelpRequested)
        {
            stdout.Write(HelpText.Resolver);
            return ExitCodes.Ok;
        }
        if (arguments.Positionals.Count == 0) throw new UsageException("missing MODEL");
        string namespaceName = arguments.GetSingle("--namespace") ?? "TfLiteMicro.Generated";
        string className = arguments.GetSingle("--class") ?? "ModelOperators";
        if (!IsIdentifier(className)) throw new UsageException("--class needs a C# identifier, got '" + className + "'");
        foreach (string part in namespaceName.Split('.'))
            if (!IsIdentifier(part)) throw new UsageException("--namespace needs a C# namespace, got '" + namespaceName + "'");
        string? output = arguments.GetSingle("--output") ?? arguments.GetSingle("-o");

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
            string command = "tflm resolver " + string.Join(" ", arguments.Positionals).Replace('\\', '/') + " --namespace " + namespaceName + " --class " + className;
            string source;
            try
            {
                source = ResolverGenerator.Generate(models, namespaceName, className, command);
            }
            catch (InvalidOperationException e)
            {
                throw new ToolException(e.Message);
            }
            if (output == null) stdout.Write(source);
            else
            {
                File.WriteAllText(output, source);
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
