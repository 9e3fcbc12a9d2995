using System;
using System.Runtime.InteropServices;

namespace TfLiteMicro.Core.Tests.Memory.Planning;

/// <summary>Native working memory for a planner, freed on Dispose (the planner never owns it).</summary>
internal sealed unsafe class PlannerWorkspace : IDisposable
{
    public PlannerWorkspace(int bytes)
    {
        Bytes = bytes;
        Pointer = (byte*)NativeMemory.AlignedAlloc((nuint)Math.Max(bytes, 1), 16);
    }

    public byte* Pointer { get; private set; }

    public int Bytes { get; }

    public void Dispose()
    {
        if (Pointer != null) NativeMemory.AlignedFree(Pointer);
        Pointer = null;
    }
}
