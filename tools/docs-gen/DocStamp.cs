using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;

namespace TfLiteMicro.DocsGen;

/// <summary>
/// The "Stamp:" line every generated table carries: the commit the tree was at and the machine that made it. The
/// CI comparison skips this one line (<see cref="WithoutStamp"/>), so a table regenerated on another commit or
/// machine with the same figures is not a difference.
/// </summary>
public static class DocStamp
{
    public const string Prefix = "Stamp: ";

    /// <summary>"Stamp: commit abc1234 (plus uncommitted changes), CPU (N logical CPUs), OS, .NET x.y.z."</summary>
    public static string Line(string repositoryRoot) =>
        Prefix + "commit " + Commit(repositoryRoot) + "; " + Machine() + ".";

    /// <summary>The text without its stamp line(s), line endings normalized: what the CI check compares.</summary>
    public static string WithoutStamp(string text)
    {
        string[] lines = text.ReplaceLineEndings("\n").Split('\n');
        return string.Join("\n", Array.FindAll(lines, l => !l.StartsWith(Prefix, StringComparison.Ordinal)));
    }

    /// <summary>CPU model, logical CPU count, operating system and .NET runtime.</summary>
    public static string Machine()
    {
        string cpu = RuntimeInformation.ProcessArchitecture.ToString();
        if (File.Exists("/proc/cpuinfo"))
        {
            foreach (string line in File.ReadLines("/proc/cpuinfo"))
            {
                if (!line.StartsWith("model name", StringComparison.Ordinal)) continue;
                int colon = line.IndexOf(':');
                if (colon > 0) cpu = line[(colon + 1)..].Trim();
                break;
            }
        }
        return cpu + " (" + Environment.ProcessorCount + " logical CPUs), " + RuntimeInformation.OSDescription + ", "
            + RuntimeInformation.FrameworkDescription;
    }

    private static string Commit(string repositoryRoot)
    {
        string? head = Git(repositoryRoot, "rev-parse", "--short=9", "HEAD");
        if (head == null) return "unknown (not a git checkout)";
        // Changes to docs/ are what the generator itself writes; anything else means the figures may not be HEAD's.
        string? changes = Git(repositoryRoot, "status", "--porcelain", "--untracked-files=no", "--", ".", ":(exclude)docs");
        return string.IsNullOrWhiteSpace(changes) ? head : head + " plus uncommitted changes";
    }

    private static string? Git(string workingDirectory, params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo("git") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string arg in args) start.ArgumentList.Add(arg);
            using Process process = Process.Start(start)!;
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? output.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;   // no git on this machine
        }
    }
}
