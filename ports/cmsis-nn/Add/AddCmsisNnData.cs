using TfLiteMicro.Kernels.Reference;

namespace TfLiteMicro.Ports.CmsisNn;

/// <summary>
/// ADD's per-node data on this port: the reference's <see cref="AddOpData"/> first (its Prepare fills it through
/// <c>node.UserData</c>), then the microkernel's parameters.
/// </summary>
internal unsafe struct AddCmsisNnData
{
    public AddOpData Reference;

    /// <summary>False: the reference kernel runs (float32, int32, int16).</summary>
    public bool Int8;

    /// <summary>Both inputs have the output's shape: the whole tensor is one row.</summary>
    public bool SameShape;

    public AddParameters Add;

    /// <summary>The two inputs' tables of 256 rescaled values (int32), for tensors large enough to pay for them; −1 otherwise.</summary>
    public int TablesScratchIndex;
}
