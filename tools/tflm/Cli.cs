using System;
using System.IO;
using TfLiteMicro.Tools.CommandLine;
using TfLiteMicro.Tools.Commands;
using TfLiteMicro.Npy;

namespace TfLiteMicro.Tools;

/// <summary>
/// Dispatches <c>tflm</c> sub-commands. Every failure becomes one line on <paramref name="stderr"/> and an exit
/// code from <see cref="ExitCodes"/>, so the tool can be called in-process by tests.
/// </summary>
public static class Cli
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0)
        {
            stderr.Write(HelpText.Main);
            return ExitCodes.Usage;
        }

        string command = args[0];
        string[] rest = args[1..];
        try
        {
            switch (command)
            {
                case "-h":
                case "--help":
                    stdout.Write(HelpText.Main);
                    return ExitCodes.Ok;
                case "help":
                    return PrintHelp(rest, stdout);
                case "inspect":
                    return InspectCommand.Run(rest, stdout);
                case "run":
                    return RunCommand.Run(rest, stdout);
                case "bench":
                    return BenchCommand.Run(rest, stdout, stderr);
                case "compress":
                    return CompressCommand.Run(rest, stdout);
                case "plan":
                    return PlanCommand.Run(rest, stdout);
                case "eval":
                    return EvalCommand.Run(rest, stdout, stderr);
                case "resolver":
                    return ResolverCommand.Run(rest, stdout);
                default:
                    throw new UsageException("unknown command '" + command + "'");
            }
        }
        catch (UsageException e)
        {
            string about = command is "inspect" or "run" or "bench" or "compress" or "plan" or "eval" or "resolver" ? "tflm " + command : "tflm";
            stderr.WriteLine(about + ": " + e.Message + " (see '" + about + " --help')");
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is ToolException or NpyFormatException or IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine("tflm " + command + ": error: " + OneLine(e.Message));
            return ExitCodes.Failure;
        }
        catch (Exception e)
        {
            // A bug in the tool or the runtime: still one line and a failure code, but say it is unexpected.
            stderr.WriteLine("tflm " + command + ": internal error: " + e.GetType().Name + ": " + OneLine(e.Message));
            return ExitCodes.Failure;
        }
    }

    private static int PrintHelp(string[] topics, TextWriter stdout)
    {
        if (topics.Length == 0)
        {
            stdout.Write(HelpText.Main);
            return ExitCodes.Ok;
        }
        switch (topics[0])
        {
            case "inspect":
                stdout.Write(HelpText.Inspect);
                return ExitCodes.Ok;
            case "run":
                stdout.Write(HelpText.Run);
                return ExitCodes.Ok;
            case "bench":
                stdout.Write(HelpText.Bench);
                return ExitCodes.Ok;
            case "compress":
                stdout.Write(HelpText.Compress);
                return ExitCodes.Ok;
            case "plan":
                stdout.Write(HelpText.Plan);
                return ExitCodes.Ok;
            case "eval":
                stdout.Write(HelpText.Eval);
                return ExitCodes.Ok;
            case "resolver":
                stdout.Write(HelpText.Resolver);
                return ExitCodes.Ok;
            default:
                throw new UsageException("no help for unknown command '" + topics[0] + "'");
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
