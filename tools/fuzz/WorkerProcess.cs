using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;

namespace TfLiteMicro.Fuzz;

/// <summary>
/// The campaign's handle on one worker process: sends commands, reads its line protocol with a timeout, keeps
/// the tail of its stderr (where .NET prints a fatal error and the stack of a crash) and kills it when it hangs.
/// </summary>
public sealed class WorkerProcess : IDisposable
{
    private const int StderrKeptChars = 32 * 1024;

    private readonly Process process;
    private readonly BlockingCollection<string?> lines = new BlockingCollection<string?>();
    private readonly StringBuilder stderr = new StringBuilder();

    public WorkerProcess(FuzzOptions options)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string self = typeof(WorkerProcess).Assembly.Location;
        string host = Environment.ProcessPath ?? "dotnet";
        if (System.IO.Path.GetFileNameWithoutExtension(host) == "dotnet") start.ArgumentList.Add(self);
        start.FileName = host;
        foreach (string arg in options.WorkerArguments()) start.ArgumentList.Add(arg);
        // A crash should end the process quickly: no dump, and no tiered-compilation background thread to wait for.
        start.Environment["DOTNET_DbgEnableMiniDump"] = "0";
        start.Environment["DOTNET_EnableCrashReport"] = "0";
        // Compile every method once, fully optimized: no tier-up or on-stack replacement later, whose JIT work on the
        // running thread would show up as managed allocation in an Invoke (a device runs ahead-of-time code).
        start.Environment["DOTNET_TieredCompilation"] = "0";
        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => lines.Add(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data == null) return;
            lock (stderr)
            {
                stderr.Append(e.Data).Append('\n');
                if (stderr.Length > StderrKeptChars) stderr.Remove(0, stderr.Length - StderrKeptChars);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public void Send(string command)
    {
        process.StandardInput.Write(command + "\n");
        process.StandardInput.Flush();
    }

    /// <summary>
    /// CPU time the worker has used (user + system). Timeouts count this, not wall time: a worker that waits for a
    /// core on a loaded machine (a campaign at <c>nice 19</c> next to builds) is slow, not hung.
    /// </summary>
    public TimeSpan CpuTime
    {
        get
        {
            try
            {
                process.Refresh();
                return process.TotalProcessorTime;
            }
            catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
            {
                return TimeSpan.MaxValue;
            }
        }
    }

    /// <summary>Next stdout line; false on timeout; true with null when the worker has exited.</summary>
    public bool TryReadLine(TimeSpan timeout, out string? line) => lines.TryTake(out line, timeout);

    /// <summary>Waits for the exit (draining stderr) and returns the exit code.</summary>
    public int WaitForExit()
    {
        process.WaitForExit();
        return process.ExitCode;
    }

    public string TakeStderr()
    {
        lock (stderr)
        {
            string text = stderr.ToString();
            stderr.Clear();
            return text;
        }
    }

    public void Kill()
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
        }
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                Send("quit");
                if (!process.WaitForExit(5000)) Kill();
            }
        }
        catch (Exception e) when (e is InvalidOperationException or System.IO.IOException)
        {
            Kill();
        }
        process.Dispose();
    }

    /// <summary>
    /// Where a crash happened, from the runtime's report on stderr: "AccessViolationException at
    /// TfLiteMicro.X.Y" (the first frame in TfLiteMicro code), "stack overflow at ...", or the exit code.
    /// </summary>
    public static string DescribeCrash(string stderrText, int exitCode)
    {
        string kind = "exit code " + exitCode;
        if (stderrText.Contains("Stack overflow", StringComparison.Ordinal)) kind = "StackOverflow";
        else
        {
            int fatal = stderrText.IndexOf("System.", stderrText.IndexOf("Fatal error", StringComparison.Ordinal) + 1, StringComparison.Ordinal);
            if (stderrText.Contains("Fatal error", StringComparison.Ordinal) && fatal >= 0)
            {
                int end = stderrText.IndexOfAny(new[] { ':', '\n', ' ' }, fatal);
                kind = stderrText.Substring(fatal + 7, (end < 0 ? stderrText.Length : end) - fatal - 7);
            }
            else if (stderrText.Contains("Unhandled exception", StringComparison.Ordinal))
            {
                kind = "unhandled exception";
            }
        }
        string site = "?";
        foreach (string line in stderrText.Split('\n'))
        {
            string trimmed = line.Trim();
            if (!trimmed.StartsWith("at TfLiteMicro.", StringComparison.Ordinal) || trimmed.StartsWith("at TfLiteMicro.Fuzz.", StringComparison.Ordinal)) continue;
            site = trimmed.Substring(3);
            int paren = site.IndexOf('(');
            if (paren > 0) site = site.Substring(0, paren);
            break;
        }
        return kind + " at " + site;
    }
}
