using System;
using TfLiteMicro.Memory;
using Xunit;

namespace TfLiteMicro.Core.Tests.Memory.Planning;

public sealed unsafe class MemoryPlannerDescribeTests
{
    [Fact]
    public void DescribesBuffersAndDrawsOneLinePerScope()
    {
        var errors = new ErrorReporter();
        using var workspace = new PlannerWorkspace(400);
        var planner = new GreedyMemoryPlanner();
        Assert.Equal(Status.Ok, planner.Init(workspace.Pointer, workspace.Bytes, errors));
        // TFLM's "medium" case: 90 bytes wide, so the 80-column diagram is scaled by 80/90.
        Assert.Equal(Status.Ok, planner.AddBuffer(10, 0, 1, MemoryPlanner.OnlinePlanned, errors));
        Assert.Equal(Status.Ok, planner.AddBuffer(20, 1, 2, MemoryPlanner.OnlinePlanned, errors));
        Assert.Equal(Status.Ok, planner.AddBuffer(30, 2, 3, MemoryPlanner.OnlinePlanned, errors));
        Assert.Equal(Status.Ok, planner.AddBuffer(40, 3, 4, MemoryPlanner.OnlinePlanned, errors));
        Assert.Equal(Status.Ok, planner.AddBuffer(50, 0, 1, MemoryPlanner.OnlinePlanned, errors));

        string[] lines = planner.DescribePlan().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5 + 5, lines.Length);
        Assert.Equal("0 (id=0): size=10, offset=50, first_used=0 last_used=1", lines[0]);
        Assert.Equal("4 (id=4): size=50, offset=0, first_used=0 last_used=1", lines[4]);
        // Scope 0: buffer 4 over [0,50) -> columns 0..43, buffer 0 over [50,60) -> columns 44..52.
        string scope0 = lines[5];
        Assert.StartsWith(" 0: " + new string('4', 44) + new string('0', 9) + ".", scope0);
        Assert.EndsWith("(1k)", scope0);
        Assert.DoesNotContain('!', string.Concat(lines));
    }
}
