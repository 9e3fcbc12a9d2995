// Build orchestration (Cake script form; run with `dotnet tool restore && dotnet cake --target=<Target>`).
// Firmware builds (`--board=<name>`) are not implemented yet: the Firmware target says so and fails rather than
// pretending. Build and Test work today and do exactly what ./test.sh does.

///////////////////////////////////////////////////////////////////////////////
// ARGUMENTS
///////////////////////////////////////////////////////////////////////////////

var target = Argument("target", "Test");
var configuration = Argument("configuration", "Release");
var board = Argument("board", EnvironmentVariable("TFLM_BOARD") ?? "");

Information($"target={target} configuration={configuration} board={(board == "" ? "(none)" : board)}");

///////////////////////////////////////////////////////////////////////////////
// TASKS
///////////////////////////////////////////////////////////////////////////////

Task("Build")
    .Does(() => DotNetBuild("TfLiteMicro.sln", new DotNetBuildSettings { Configuration = configuration }));

Task("Test")
    .IsDependentOn("Build")
    .Does(() => DotNetTest("TfLiteMicro.sln", new DotNetTestSettings { Configuration = configuration, NoBuild = true }));

Task("Firmware")
    .Does(() => throw new CakeException($"Firmware builds are not implemented yet (requested board: '{board}'). Only the host library, tools and tests build today."));

RunTarget(target);
