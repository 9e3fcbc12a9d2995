namespace TfLiteMicro.Kernels.Reference;

/// <summary>Per-node data of CALL_ONCE, kept in the arena.</summary>
public struct CallOnceOpData
{
    public int InitSubgraph;

    /// <summary>1 once the init subgraph ran successfully.</summary>
    public int HasRun;
}
