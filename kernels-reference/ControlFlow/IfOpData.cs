namespace TfLiteMicro.Kernels.Reference;

/// <summary>Per-node data of IF, kept in the arena.</summary>
public struct IfOpData
{
    public int ThenSubgraph;
    public int ElseSubgraph;
}
