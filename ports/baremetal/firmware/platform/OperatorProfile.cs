using System;
using TfLiteMicro.Profiling;
using TfLiteMicro.Schema;

namespace TfLiteMicro.BareMetal;

/// <summary>
/// Timer ticks per operator of one Invoke, measured with the interpreter's profiler hook (<see cref="EventProfiler"/>
/// on <see cref="DeviceTickSource"/>), printed in the format <c>dotnet cake --target=Bench</c> parses:
/// <code>
/// profile node I NAME ticks T macs M       (per node of the main subgraph, in execution order)
/// profile op NAME nodes N ticks T macs M   (per operator, in order of first appearance)
/// profile invoke ticks T nodes_sum S       (Invoke with the profiler attached; the nodes' sum)
/// </code>
/// The profiled Invoke runs on a second interpreter created after the measured ones, so the per-inference totals
/// the runner prints come from an Invoke without the profiler; <c>invoke</c> minus the unprofiled ticks is the
/// profiler's own cost. MACs are the multiply-accumulates of CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED and
/// TRANSPOSE_CONV computed from the tensor shapes (0 for other operators).
/// </summary>
public static class OperatorProfile
{
    /// <summary>Prints the events of one profiled Invoke of subgraph 0 of <paramref name="model"/>.</summary>
    public static void Print(EventProfiler profiler, Model model, long invokeTicks)
    {
        SubGraph subgraph = model.GetSubgraph(0);
        // Events follow the nodes of the main subgraph one to one unless control flow ran other subgraphs.
        bool eventsAreNodes = profiler.EventCount == subgraph.OperatorCount;
        long sum = 0;
        for (int i = 0; i < profiler.EventCount; i++)
        {
            sum += profiler.GetTicks(i);
            DeviceConsole.Write("profile node "u8);
            DeviceConsole.Write(i);
            DeviceConsole.Write(" "u8);
            DeviceConsole.Write(profiler.GetTag(i).Utf8);
            DeviceConsole.Write(" ticks "u8);
            DeviceConsole.Write(profiler.GetTicks(i));
            DeviceConsole.Write(" macs "u8);
            DeviceConsole.Write(eventsAreNodes ? Macs(model, subgraph, subgraph.GetOperator(i)) : 0);
            DeviceConsole.WriteLine();
        }

        for (int i = 0; i < profiler.EventCount; i++)
        {
            ReadOnlySpan<byte> name = profiler.GetTag(i).Utf8;
            if (SeenBefore(profiler, i, name)) continue;
            int nodes = 0;
            long ticks = 0;
            long macs = 0;
            for (int j = i; j < profiler.EventCount; j++)
            {
                if (!profiler.GetTag(j).Is(name)) continue;
                nodes++;
                ticks += profiler.GetTicks(j);
                if (eventsAreNodes) macs += Macs(model, subgraph, subgraph.GetOperator(j));
            }
            DeviceConsole.Write("profile op "u8);
            DeviceConsole.Write(name);
            DeviceConsole.Write(" nodes "u8);
            DeviceConsole.Write(nodes);
            DeviceConsole.Write(" ticks "u8);
            DeviceConsole.Write(ticks);
            DeviceConsole.Write(" macs "u8);
            DeviceConsole.Write(macs);
            DeviceConsole.WriteLine();
        }

        DeviceConsole.Write("profile invoke ticks "u8);
        DeviceConsole.Write(invokeTicks);
        DeviceConsole.Write(" nodes_sum "u8);
        DeviceConsole.Write(sum);
        if (profiler.DroppedEvents > 0)
        {
            DeviceConsole.Write(" dropped "u8);
            DeviceConsole.Write(profiler.DroppedEvents);
        }
        DeviceConsole.WriteLine();
    }

    private static bool SeenBefore(EventProfiler profiler, int index, ReadOnlySpan<byte> name)
    {
        for (int j = 0; j < index; j++)
        {
            if (profiler.GetTag(j).Is(name)) return true;
        }
        return false;
    }

    /// <summary>
    /// Multiply-accumulates of one operator: output elements × the taps each sums (CONV_2D: filter height × width ×
    /// filter input depth; DEPTHWISE_CONV_2D: filter height × width; FULLY_CONNECTED: the filter's input depth;
    /// TRANSPOSE_CONV: input elements × filter height × width × output depth).
    /// </summary>
    public static long Macs(Model model, SubGraph subgraph, Operator op)
    {
        BuiltinOperator code = model.GetOperatorCode(op.OpcodeIndex).BuiltinCode;
        IntVector inputs = op.Inputs;
        IntVector outputs = op.Outputs;
        if (outputs.Count < 1) return 0;
        switch (code)
        {
            case BuiltinOperator.CONV_2D:
            {
                IntVector filter = Shape(subgraph, inputs, 1);
                return filter.Count == 4 ? Elements(Shape(subgraph, outputs, 0)) * filter[1] * filter[2] * filter[3] : 0;
            }
            case BuiltinOperator.DEPTHWISE_CONV_2D:
            {
                IntVector filter = Shape(subgraph, inputs, 1);
                return filter.Count == 4 ? Elements(Shape(subgraph, outputs, 0)) * filter[1] * filter[2] : 0;
            }
            case BuiltinOperator.FULLY_CONNECTED:
            {
                IntVector filter = Shape(subgraph, inputs, 1);
                return filter.Count == 2 ? Elements(Shape(subgraph, outputs, 0)) * filter[1] : 0;
            }
            case BuiltinOperator.TRANSPOSE_CONV:
            {
                // Inputs: output shape, filter (O, H, W, I), input.
                IntVector filter = Shape(subgraph, inputs, 1);
                return filter.Count == 4 ? Elements(Shape(subgraph, inputs, 2)) * filter[0] * filter[1] * filter[2] : 0;
            }
            default:
                return 0;
        }
    }

    private static IntVector Shape(SubGraph subgraph, IntVector tensors, int position)
    {
        if (position >= tensors.Count) return default;
        int tensor = tensors[position];
        return tensor >= 0 && tensor < subgraph.TensorCount ? subgraph.GetTensor(tensor).Shape : default;
    }

    private static long Elements(IntVector shape)
    {
        long count = 1;
        for (int i = 0; i < shape.Count; i++) count *= shape[i];
        return count;
    }
}
