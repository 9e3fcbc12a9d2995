using System.Collections.Generic;

namespace TfLiteMicro.Golden.Tests;

/// <summary>One case of a shared model folder: its input and expected output .npy files, in index order.</summary>
public sealed class GoldenCase
{
    public GoldenCase(int index, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs)
    {
        Index = index;
        Inputs = inputs;
        Outputs = outputs;
    }

    public int Index { get; }

    public IReadOnlyList<string> Inputs { get; }

    public IReadOnlyList<string> Outputs { get; }
}
