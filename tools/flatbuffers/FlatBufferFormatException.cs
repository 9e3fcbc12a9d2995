using System;

namespace TfLiteMicro.Tools.FlatBuffers;

/// <summary>A model the tree reader cannot copy faithfully (an offset outside the bytes, a field the schema lacks, ...).</summary>
public sealed class FlatBufferFormatException : Exception
{
    public FlatBufferFormatException(string message)
        : base(message)
    {
    }
}
