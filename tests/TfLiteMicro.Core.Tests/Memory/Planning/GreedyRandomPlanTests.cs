using System;
using System.Collections.Generic;
using TfLiteMicro.Memory;
using Xunit;

namespace TfLiteMicro.Core.Tests.Memory.Planning;

/// <summary>
/// Many random plans: no two simultaneously live buffers may share bytes, offline buffers keep their offsets,
/// and the pointer-based planner must agree with a plain managed model of TFLM's algorithm.
/// </summary>
public sealed unsafe class GreedyRandomPlanTests
{
    private readonly ErrorReporter errors = new();

    private struct Request
    {
        public int Size, First, Last, Offline;
    }

    [Fact]
    public void RandomOnlinePlansNeverOverlapAndMatchTheModel()
    {
        var random = new Random(20240611);
        using var workspace = new PlannerWorkspace(200 * 40);
        for (int round = 0; round < 500; round++)
        {
            int n = random.Next(1, 120);
            int span = random.Next(1, 40);
            var requests = new Request[n];
            for (int i = 0; i < n; i++)
            {
                int first = random.Next(-1, span);
                // Small sizes from a short list force many equal-size ties.
                int size = random.Next(4) == 0 ? 16 * random.Next(0, 4) : 16 * random.Next(1, 200);
                requests[i] = new Request { Size = size, First = first, Last = first + random.Next(0, 6), Offline = -1 };
            }
            RunAndCheck(workspace, requests, round);
        }
    }

    [Fact]
    public void RandomOfflinePlusOnlineMixesNeverOverlapAndMatchTheModel()
    {
        var random = new Random(77);
        using var workspace = new PlannerWorkspace(200 * 40);
        var first = new GreedyMemoryPlanner();
        for (int round = 0; round < 300; round++)
        {
            // An offline plan that is itself valid: plan some buffers online, then replay them as offline.
            int offlineCount = random.Next(1, 40);
            int span = random.Next(2, 30);
            var requests = new List<Request>();
            Assert.Equal(Status.Ok, first.Init(workspace.Pointer, workspace.Bytes, errors));
            for (int i = 0; i < offlineCount; i++)
            {
                int start = random.Next(0, span);
                var r = new Request { Size = 16 * random.Next(1, 100), First = start, Last = start + random.Next(0, 5) };
                Assert.Equal(Status.Ok, first.AddBuffer(r.Size, r.First, r.Last, MemoryPlanner.OnlinePlanned, errors));
                requests.Add(r);
            }
            int[] placed = PlanChecks.Offsets(first);
            for (int i = 0; i < offlineCount; i++)
            {
                Request r = requests[i];
                r.Offline = placed[i];
                requests[i] = r;
            }
            int onlineCount = random.Next(0, 60);
            for (int i = 0; i < onlineCount; i++)
            {
                int start = random.Next(0, span);
                var r = new Request { Size = 16 * random.Next(1, 100), First = start, Last = start + random.Next(0, 5), Offline = -1 };
                // Interleave offline and online buffers in the add order.
                requests.Insert(random.Next(0, requests.Count + 1), r);
            }
            RunAndCheck(workspace, requests.ToArray(), round);
        }
    }

    private void RunAndCheck(PlannerWorkspace workspace, Request[] requests, int round)
    {
        var planner = new GreedyMemoryPlanner();
        Assert.Equal(Status.Ok, planner.Init(workspace.Pointer, workspace.Bytes, errors));
        foreach (Request r in requests)
        {
            Assert.Equal(Status.Ok, planner.AddBuffer(r.Size, r.First, r.Last, r.Offline, errors));
        }
        string? overlap = PlanChecks.FindOverlap(planner);
        Assert.True(overlap == null, "round " + round + ": " + overlap);

        int[] offsets = PlanChecks.Offsets(planner);
        (int[] expected, int expectedMax) = ModelOfTflmGreedy(requests);
        for (int i = 0; i < requests.Length; i++)
        {
            if (requests[i].Offline >= 0) Assert.Equal(requests[i].Offline, offsets[i]);
        }
        Assert.Equal(expected, offsets);
        Assert.Equal(expectedMax, planner.GetMaximumMemorySize());
        Assert.Equal(PlanChecks.HighestEnd(planner), planner.GetMaximumMemorySize());
    }

    /// <summary>
    /// TFLM's greedy algorithm restated with managed lists, as a slow reference: offline buffers first in add
    /// order, then online ones by size descending with ties to the later-added buffer; each online buffer takes
    /// the first big-enough gap among live buffers ordered by (offset, placement order).
    /// </summary>
    private static (int[] Offsets, int Max) ModelOfTflmGreedy(Request[] requests)
    {
        int n = requests.Length;
        var order = new List<int>();
        for (int i = 0; i < n; i++) if (requests[i].Offline >= 0) order.Add(i);
        var online = new List<int>();
        for (int i = n - 1; i >= 0; i--) if (requests[i].Offline < 0) online.Add(i);
        // List.Sort is not stable; break ties on position to make it so.
        var position = new Dictionary<int, int>();
        for (int i = 0; i < online.Count; i++) position[online[i]] = i;
        online.Sort((a, b) => requests[a].Size != requests[b].Size
            ? requests[b].Size.CompareTo(requests[a].Size)
            : position[a].CompareTo(position[b]));
        order.AddRange(online);

        var offsets = new int[n];
        var placed = new List<int>();  // kept sorted by offset, equal offsets in placement order
        foreach (int id in order)
        {
            Request r = requests[id];
            int offset;
            if (r.Offline >= 0)
            {
                offset = r.Offline;
            }
            else
            {
                offset = 0;
                foreach (int other in placed)
                {
                    Request o = requests[other];
                    if (o.First > r.Last || r.First > o.Last) continue;
                    if (offsets[other] - offset >= r.Size) break;
                    offset = Math.Max(offset, offsets[other] + o.Size);
                }
            }
            offsets[id] = offset;
            int at = 0;
            while (at < placed.Count && offsets[placed[at]] <= offset) at++;
            placed.Insert(at, id);
        }
        int max = 0;
        for (int i = 0; i < n; i++) max = Math.Max(max, offsets[i] + requests[i].Size);
        return (offsets, max);
    }
}
