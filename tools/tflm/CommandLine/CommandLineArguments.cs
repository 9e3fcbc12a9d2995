using System;
using System.Collections.Generic;

namespace TfLiteMicro.Tools.CommandLine;

/// <summary>
/// The arguments of one sub-command split into positionals, flags (<c>--json</c>) and options with values
/// (<c>--input a.npy</c> or <c>--input=a.npy</c>, repeatable). Unknown options are usage errors.
/// </summary>
public sealed class CommandLineArguments
{
    private readonly List<string> positionals = new List<string>();
    private readonly HashSet<string> flags = new HashSet<string>(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> values = new Dictionary<string, List<string>>(StringComparer.Ordinal);

    private CommandLineArguments()
    {
    }

    public IReadOnlyList<string> Positionals => positionals;

    /// <summary>True when <c>--help</c> or <c>-h</c> appeared anywhere.</summary>
    public bool HelpRequested { get; private set; }

    public static CommandLineArguments Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> flagNames, IReadOnlyCollection<string> valueNames)
    {
        var result = new CommandLineArguments();
        var flagSet = new HashSet<string>(flagNames, StringComparer.Ordinal);
        var valueSet = new HashSet<string>(valueNames, StringComparer.Ordinal);
        bool onlyPositionals = false;
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (onlyPositionals || arg == "-" || !arg.StartsWith('-'))
            {
                result.positionals.Add(arg);
                continue;
            }
            if (arg == "--")
            {
                onlyPositionals = true;
                continue;
            }
            if (arg == "--help" || arg == "-h")
            {
                result.HelpRequested = true;
                continue;
            }

            string name = arg;
            string? inlineValue = null;
            int equals = arg.IndexOf('=');
            if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                name = arg.Substring(0, equals);
                inlineValue = arg.Substring(equals + 1);
            }

            if (flagSet.Contains(name))
            {
                if (inlineValue != null) throw new UsageException("option " + name + " takes no value");
                result.flags.Add(name);
            }
            else if (valueSet.Contains(name))
            {
                string value;
                if (inlineValue != null) value = inlineValue;
                else if (i + 1 < args.Count) value = args[++i];
                else throw new UsageException("option " + name + " needs a value");
                if (!result.values.TryGetValue(name, out List<string>? list))
                {
                    list = new List<string>();
                    result.values.Add(name, list);
                }
                list.Add(value);
            }
            else
            {
                throw new UsageException("unknown option '" + name + "'");
            }
        }
        return result;
    }

    public bool HasFlag(string name) => flags.Contains(name);

    /// <summary>Every value given for a repeatable option, in command-line order.</summary>
    public IReadOnlyList<string> GetAll(string name) =>
        values.TryGetValue(name, out List<string>? list) ? list : Array.Empty<string>();

    /// <summary>The value of an option that may appear at most once; null when absent.</summary>
    public string? GetSingle(string name)
    {
        IReadOnlyList<string> all = GetAll(name);
        if (all.Count > 1) throw new UsageException("option " + name + " given " + all.Count + " times; it may appear only once");
        return all.Count == 1 ? all[0] : null;
    }
}
