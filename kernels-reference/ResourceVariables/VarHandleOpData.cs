namespace TfLiteMicro.Kernels.Reference;

/// <summary>Per-node data of VAR_HANDLE: the resource id its output tensor points at.</summary>
public struct VarHandleOpData
{
    public int ResourceId;
}
