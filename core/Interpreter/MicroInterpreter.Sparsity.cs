using TfLiteMicro.Schema;
using Buffer = TfLiteMicro.Schema.Buffer;

namespace TfLiteMicro;

// Sparse constant tensors (TFLite's SparsityParameters; TFLM has none). Their buffer holds only the stored values, not
// shape × element size bytes, so the model verifier cannot check its length and no kernel may read one as dense:
// only DENSIFY, which checks every index of the metadata in Prepare, is given one. Sparsity on a tensor without data
// is ignored, as TFLite ignores it for read-write tensors.
public sealed unsafe partial class MicroInterpreter
{
    /// <summary>The sparsity metadata and stored bytes of a constant sparse tensor of the current subgraph; absent otherwise.</summary>
    internal SparsityParameters SparsityOf(int tensorIndex, out int storedBytes)
    {
        storedBytes = 0;
        SubGraph subgraph = model.GetSubgraph(currentSubgraph);
        if ((uint)tensorIndex >= (uint)subgraph.TensorCount) return default;
        Tensor tensor = subgraph.GetTensor(tensorIndex);
        if (!tensor.HasSparsity) return default;
        Buffer buffer = model.GetBuffer(tensor.BufferIndex);
        if (buffer.Length == 0) return default;
        storedBytes = buffer.Length;
        return tensor.Sparsity;
    }

    /// <summary>Before a node's Prepare: a sparse constant input is an error unless the node is DENSIFY.</summary>
    private Status CheckSparseInputs(ref Node node)
    {
        if (node.Code == BuiltinOperator.DENSIFY) return Status.Ok;
        for (int i = 0; i < node.InputCount; i++)
        {
            int tensorIndex = node.InputIndex(i);
            if (tensorIndex < 0 || !SparsityOf(tensorIndex, out _).IsPresent) continue;
            return Errors.Fail(Status.UnsupportedOperator, "input "u8).Append(i).Append(" (tensor "u8).Append(tensorIndex)
                .Append(") is stored sparse; only DENSIFY reads sparse tensors"u8);
        }
        return Status.Ok;
    }
}
