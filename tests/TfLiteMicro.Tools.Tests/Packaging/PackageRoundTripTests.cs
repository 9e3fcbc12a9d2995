using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace TfLiteMicro.Tools.Tests.Packaging;

/// <summary>
/// The NuGet round trip a new user makes: pack the libraries and the tool into a folder, create a console app
/// outside the repository, install the packages from that folder only (plus the machine's configured source), and
/// run the README's code snippets in it; install the `tflm` tool from the folder and inspect a model in an empty
/// directory. One test, because each step costs a restore and a build.
/// </summary>
public class PackageRoundTripTests
{
    private const string Version = "0.1.0";

    /// <summary>The projects `dotnet pack` packs, by package id; nothing else in the repository is packable.</summary>
    private static readonly (string PackageId, string Project)[] Packages =
    {
        ("TfLiteMicro.Core", "core/TfLiteMicro.Core.csproj"),
        ("TfLiteMicro.Kernels.Reference", "kernels-reference/TfLiteMicro.Kernels.Reference.csproj"),
        ("TfLiteMicro.Ports.X86Simd", "ports/x86-simd/TfLiteMicro.Ports.X86Simd.csproj"),
        ("TfLiteMicro.Host", "host/TfLiteMicro.Host.csproj"),
        ("tflm", "tools/tflm/tflm.csproj"),
    };

    private static readonly string[] LibraryFrameworks = { "net8.0", "net9.0", "net10.0" };

    [Fact]
    public void OnlyTheLibrariesAndTheToolArePackable()
    {
        var packable = new List<string>();
        foreach (string project in Directory.GetFiles(RepositoryPaths.Root, "*.csproj", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(RepositoryPaths.Root, project).Replace('\\', '/');
            if (relative.Contains("/bin/") || relative.Contains("/obj/") || relative.StartsWith("artifacts/", StringComparison.Ordinal)) continue;
            if (File.ReadAllText(project).Contains("<IsPackable>true</IsPackable>", StringComparison.Ordinal)) packable.Add(relative);
        }
        packable.Sort(StringComparer.Ordinal);
        var expected = new List<string>();
        foreach ((string _, string project) in Packages) expected.Add(project);
        expected.Sort(StringComparer.Ordinal);
        Assert.Equal(expected, packable);
        Assert.Contains("<IsPackable>false</IsPackable>", File.ReadAllText(Path.Combine(RepositoryPaths.Root, "Directory.Build.props")));
    }

    [Fact]
    public void PackagesInstallIntoANewAppThatRunsTheReadmeAndTheToolInspectsAModel()
    {
        using var work = new TempDirectory();
        string packages = work.File("packages");
        foreach ((string _, string project) in Packages) Pack(project, packages);

        foreach ((string id, string _) in Packages)
        {
            string package = Path.Combine(packages, id + "." + Version + ".nupkg");
            Assert.True(File.Exists(package), "dotnet pack made no " + Path.GetFileName(package));
            Assert.True(File.Exists(Path.ChangeExtension(package, ".snupkg")), id + " has no symbols package");
            CheckPackage(package, id);
        }

        // Restore from the packed folder into a cache of our own, so an older package of the same version cannot be used.
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = work.File("nuget-cache") };
        File.WriteAllText(work.File("nuget.config"),
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n    <add key=\"tflm-local\" value=\""
            + packages + "\" />\n  </packageSources>\n</configuration>\n");

        string app = work.File("app");
        Directory.CreateDirectory(app);
        File.WriteAllText(Path.Combine(app, "App.csproj"),
            "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <OutputType>Exe</OutputType>\n    <TargetFramework>net10.0</TargetFramework>\n"
            + "    <ImplicitUsings>enable</ImplicitUsings>\n    <Nullable>enable</Nullable>\n  </PropertyGroup>\n  <ItemGroup>\n"
            + "    <PackageReference Include=\"TfLiteMicro.Host\" Version=\"" + Version + "\" />\n  </ItemGroup>\n</Project>\n");
        File.WriteAllText(Path.Combine(app, "Program.cs"), ReadmeProgram());
        File.Copy(TestData.ModelFile("hello_world_int8"), Path.Combine(app, "hello_world_int8.tflite"));
        ProcessResult run = Dotnet(app, environment, "run", "-c", "Release");
        Assert.True(run.ExitCode == 0, "the README's code did not build or run from the packages:\n" + run);
        Assert.Matches(@"sin\(1\.57\) = (0\.9\d|1\.0\d)", run.Output);
        Assert.Contains("input 42 -> output", run.Output);

        string tools = work.File("tools");
        ProcessResult install = Dotnet(work.Path, environment, "tool", "install", "--tool-path", tools, "--add-source", packages,
            "tflm", "--version", Version);
        Assert.True(install.ExitCode == 0, "dotnet tool install failed:\n" + install);
        string empty = work.File("empty");
        Directory.CreateDirectory(empty);
        File.Copy(TestData.ModelFile("hello_world_int8"), Path.Combine(empty, "model.tflite"));
        ProcessResult inspect = Run(Path.Combine(tools, OperatingSystem.IsWindows() ? "tflm.exe" : "tflm"), empty, environment, "inspect", "model.tflite");
        Assert.True(inspect.ExitCode == 0, "tflm inspect failed:\n" + inspect);
        Assert.Contains("FULLY_CONNECTED", inspect.Output);
    }

    /// <summary>
    /// The C# blocks of the README's "Using the library" section as one program: their namespace imports on top,
    /// each block the body of a method called in order.
    /// </summary>
    internal static string ReadmeProgram()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        int start = readme.IndexOf("## Using the library", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no 'Using the library' section");
        int end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        string section = end < 0 ? readme[start..] : readme[start..end];
        MatchCollection blocks = Regex.Matches(section, "```csharp\n(.*?)```", RegexOptions.Singleline);
        Assert.True(blocks.Count >= 2, "expected the session and the explicit-API snippets in the README");
        var imports = new SortedSet<string>(StringComparer.Ordinal);
        var methods = new StringBuilder();
        var calls = new StringBuilder();
        for (int i = 0; i < blocks.Count; i++)
        {
            var body = new StringBuilder();
            foreach (string line in blocks[i].Groups[1].Value.Split('\n'))
            {
                if (Regex.IsMatch(line, @"^using [A-Za-z0-9_.]+;\s*$")) imports.Add(line.Trim());
                else body.Append("        ").Append(line).Append('\n');
            }
            methods.Append("    static void Snippet").Append(i).Append("()\n    {\n").Append(body).Append("    }\n\n");
            calls.Append("        Snippet").Append(i).Append("();\n");
        }
        return string.Join("\n", imports) + "\n\nstatic class Program\n{\n" + methods + "    static void Main()\n    {\n" + calls + "    }\n}\n";
    }

    private static void Pack(string project, string output)
    {
        string path = Path.Combine(RepositoryPaths.Root, project);
        // The solution build (./test.sh) has built every target framework already; pack without building again.
        ProcessResult packed = Dotnet(RepositoryPaths.Root, null, "pack", path, "-c", "Release", "--no-build", "-o", output);
        if (packed.ExitCode != 0) packed = Dotnet(RepositoryPaths.Root, null, "pack", path, "-c", "Release", "-o", output);
        Assert.True(packed.ExitCode == 0, "dotnet pack " + project + " failed:\n" + packed);
    }

    private static void CheckPackage(string package, string id)
    {
        using ZipArchive zip = ZipFile.OpenRead(package);
        ZipArchiveEntry nuspecEntry = Assert.Single(zip.Entries, e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        string nuspec;
        using (var reader = new StreamReader(nuspecEntry.Open())) nuspec = reader.ReadToEnd();
        Assert.Contains("<version>" + Version + "</version>", nuspec);
        Assert.Contains("<readme>README.md</readme>", nuspec);
        Assert.Contains("<license type=\"expression\">Apache-2.0</license>", nuspec);
        Assert.Matches("<repository type=\"git\" url=\"https://", nuspec);
        Assert.Matches("<description>.{40,}</description>", nuspec);
        Assert.Contains(zip.Entries, e => e.FullName == "README.md");
        if (id == "tflm")
        {
            Assert.Contains("<packageType name=\"DotnetTool\" />", nuspec);
            return;
        }
        foreach (string framework in LibraryFrameworks)
            Assert.Contains(zip.Entries, e => e.FullName == "lib/" + framework + "/" + id + ".dll");
    }

    private static ProcessResult Dotnet(string workingDirectory, Dictionary<string, string>? environment, params string[] args) =>
        Run("dotnet", workingDirectory, environment, args);

    private static ProcessResult Run(string fileName, string workingDirectory, Dictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in args) start.ArgumentList.Add(arg);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        // The app and the tool are outside the repository: no MSBuild settings of ours may leak into them.
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        start.Environment.Remove("MSBuildSDKsPath");
        if (environment != null)
        {
            foreach (KeyValuePair<string, string> variable in environment) start.Environment[variable.Key] = variable.Value;
        }
        using Process process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            return new ProcessResult(-1, fileName + " " + string.Join(" ", args) + ": timed out\n" + output);
        }
        process.WaitForExit();
        return new ProcessResult(process.ExitCode, output.ToString());
    }

    private sealed record ProcessResult(int ExitCode, string Output)
    {
        public override string ToString() => "exit " + ExitCode + "\n" + Output;
    }
}
