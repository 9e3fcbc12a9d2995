using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// A first-in first-out queue of int16 samples over a fixed arena buffer, with the observable behaviour of TFLM's
/// signal/src/circular_buffer.cc (Write, WriteZeros, Extend, Get, Discard, Available, Reset) for the Delay, Framer
/// and Stacker ops. Callers keep writes within the capacity (checked once at Prepare from the op's options), so
/// the queue never overwrites unread samples, exactly like TFLM's asserting buffer.
/// </summary>
public unsafe struct SignalSampleRing
{
    private short* samples;
    private int capacity;
    private int read;
    private int count;

    /// <summary>Bytes of arena storage a ring of <paramref name="capacity"/> samples needs.</summary>
    public static int BytesFor(int capacity) => capacity * sizeof(short);

    public void Initialize(short* storage, int sampleCapacity)
    {
        samples = storage;
        capacity = sampleCapacity;
        Reset();
    }

    public readonly int Capacity => capacity;

    /// <summary>Samples written and not yet discarded.</summary>
    public readonly int Available => count;

    /// <summary>Empties the queue and clears its storage (TFLM's CircularBufferReset).</summary>
    public void Reset()
    {
        read = 0;
        count = 0;
        new Span<short>(samples, capacity).Clear();
    }

    public void Write(ReadOnlySpan<short> values)
    {
        int write = WritePosition;
        for (int i = 0; i < values.Length; i++)
        {
            samples[write] = values[i];
            if (++write == capacity) write = 0;
        }
        count += values.Length;
    }

    public void WriteZeros(int n)
    {
        int write = WritePosition;
        for (int i = 0; i < n; i++)
        {
            samples[write] = 0;
            if (++write == capacity) write = 0;
        }
        count += n;
    }

    /// <summary>Appends the newest <paramref name="length"/> samples <paramref name="times"/> more times (TFLM's CircularBufferExtend).</summary>
    public void Extend(int length, int times)
    {
        if (length <= 0 || times <= 0) return;
        int start = WritePosition - length;
        if (start < 0) start += capacity;
        for (int t = 0; t < times; t++)
        {
            int source = start;
            int write = WritePosition;
            for (int i = 0; i < length; i++)
            {
                samples[write] = samples[source];
                if (++write == capacity) write = 0;
                if (++source == capacity) source = 0;
            }
            count += length;
        }
    }

    /// <summary>Copies the oldest <c>destination.Length</c> samples without removing them.</summary>
    public readonly void Get(Span<short> destination)
    {
        int position = read;
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = samples[position];
            if (++position == capacity) position = 0;
        }
    }

    /// <summary>Removes the oldest <paramref name="n"/> samples.</summary>
    public void Discard(int n)
    {
        read += n;
        if (read >= capacity) read -= capacity;
        count -= n;
    }

    private readonly int WritePosition
    {
        get
        {
            int write = read + count;
            return write >= capacity ? write - capacity : write;
        }
    }
}
