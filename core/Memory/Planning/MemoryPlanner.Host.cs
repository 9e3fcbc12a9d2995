using System;
using System.Text;

namespace TfLiteMicro.Memory;

// Host-only (needs StringBuilder and string formatting): the plan as text, like TFLM's PrintMemoryPlan().
public abstract unsafe partial class MemoryPlanner
{
    private const int DiagramWidth = 80;

    /// <summary>
    /// One line per buffer (size, offset, lifetime), then one line per allocation scope showing which buffer
    /// occupies each 1/80th of the head: buffer characters 0-9, a-z, A-Z ('*' beyond), '.' free, '!' where
    /// two live buffers collide, and the live kilobytes at the end of the line.
    /// </summary>
    public string DescribePlan()
    {
        var errors = new ErrorReporter();
        var text = new StringBuilder();
        int count = BufferCount;
        int widest = DiagramWidth;
        int lastScope = 0;
        for (int i = 0; i < count; i++)
        {
            GetBufferRequirements(i, out int size, out int first, out int last);
            GetOffsetForBuffer(i, out int offset, errors);
            text.Append(BufferCharacter(i)).Append(" (id=").Append(i).Append("): size=").Append(size)
                .Append(", offset=").Append(offset).Append(", first_used=").Append(first)
                .Append(" last_used=").Append(last).Append('\n');
            widest = Math.Max(widest, offset + size);
            lastScope = Math.Max(lastScope, last);
        }

        var line = new char[DiagramWidth];
        for (int scope = 0; scope <= lastScope; scope++)
        {
            Array.Fill(line, '.');
            long liveBytes = 0;
            for (int i = 0; i < count; i++)
            {
                GetBufferRequirements(i, out int size, out int first, out int last);
                GetOffsetForBuffer(i, out int offset, errors);
                if (scope < first || scope > last || offset < 0) continue;
                liveBytes += size;
                int start = (int)((long)offset * DiagramWidth / widest);
                int end = (int)(((long)offset + size) * DiagramWidth / widest);
                for (int c = start; c < end; c++) line[c] = line[c] == '.' ? BufferCharacter(i) : '!';
            }
            text.Append(scope < 10 ? " " : "").Append(scope).Append(": ").Append(line)
                .Append(" (").Append((liveBytes + 1023) / 1024).Append("k)\n");
        }
        return text.ToString();
    }

    private static char BufferCharacter(int index)
    {
        if (index < 10) return (char)('0' + index);
        if (index < 36) return (char)('a' + index - 10);
        if (index < 62) return (char)('A' + index - 36);
        return '*';
    }
}
