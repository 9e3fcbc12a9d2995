using System;
using TfLiteMicro.Schema;

namespace TfLiteMicro;

/// <summary>
/// One operator instance of a subgraph (TFLM's <c>TfLiteNode</c> + registration). Lives in the arena's tail.
/// Input/output index arrays are length-prefixed and point straight into the model (zero copy); an input index
/// of -1 marks an omitted optional input.
/// </summary>
public unsafe struct Node
{
    public int* Inputs;
    public int* Outputs;
    public int* Intermediates;

    /// <summary>Per-node kernel state (OpData) the kernel allocated in the arena in Init or Prepare.</summary>
    public void* UserData;

    /// <summary>The operator's builtin options table (read by field id; absent for ops without options).</summary>
    public Table BuiltinOptions;

    /// <summary>Custom options bytes (FlexBuffer for the custom ops TFLM ships); null when absent.</summary>
    public byte* CustomOptions;
    public int CustomOptionsLength;

    /// <summary>The builtin operator code (CUSTOM for custom ops).</summary>
    public BuiltinOperator Code;

    /// <summary>Slot of the kernel in the op resolver.</summary>
    public int KernelSlot;

    public int SubgraphIndex;
    public int OperatorIndex;

    public readonly int InputCount => Inputs == null ? 0 : Inputs[0];
    public readonly int OutputCount => Outputs == null ? 0 : Outputs[0];
    public readonly int IntermediateCount => Intermediates == null ? 0 : Intermediates[0];

    /// <summary>Tensor index of input <paramref name="i"/> (-1 when the optional input is absent).</summary>
    public readonly int InputIndex(int i) => i < InputCount ? Inputs[1 + i] : -1;
    public readonly int OutputIndex(int i) => i < OutputCount ? Outputs[1 + i] : -1;
    public readonly int IntermediateIndex(int i) => i < IntermediateCount ? Intermediates[1 + i] : -1;

    public readonly System.ReadOnlySpan<byte> CustomOptionsBytes =>
        CustomOptions == null ? default : new System.ReadOnlySpan<byte>(CustomOptions, CustomOptionsLength);
}
