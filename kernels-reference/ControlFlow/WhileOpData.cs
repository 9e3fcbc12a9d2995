namespace TfLiteMicro.Kernels.Reference;

/// <summary>Per-node data of WHILE, kept in the arena.</summary>
public struct WhileOpData
{
    public int CondSubgraph;
    public int BodySubgraph;
}
