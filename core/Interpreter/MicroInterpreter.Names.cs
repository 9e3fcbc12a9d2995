using System;
using TfLiteMicro.Schema;

namespace TfLiteMicro;

// Inputs, outputs and signatures by name (the tensor names and SignatureDef keys the converter wrote into the model),
// without strings: names are UTF-8, as in the model. Host programs get string overloads in the host package.
public sealed unsafe partial class MicroInterpreter
{
    /// <summary>Position of the main subgraph's input whose tensor is named <paramref name="name"/>; -1 when none is.</summary>
    public int FindInput(ReadOnlySpan<byte> name) => FindByName(model.GetSubgraph(0), model.GetSubgraph(0).Inputs, name);

    /// <summary>Position of the main subgraph's output whose tensor is named <paramref name="name"/>; -1 when none is.</summary>
    public int FindOutput(ReadOnlySpan<byte> name) => FindByName(model.GetSubgraph(0), model.GetSubgraph(0).Outputs, name);

    /// <summary>Index of the signature (<see cref="Model.GetSignatureDef"/>) whose key is <paramref name="key"/>; -1 when none is.</summary>
    public int FindSignature(ReadOnlySpan<byte> key)
    {
        for (int i = 0; i < model.SignatureDefCount; i++)
        {
            if (model.GetSignatureDef(i).SignatureKey.EqualsUtf8(key)) return i;
        }
        return -1;
    }

    /// <summary>
    /// The tensor a signature calls <paramref name="name"/> (an input when <paramref name="output"/> is false); an
    /// absent tensor (<see cref="TensorInfo.Exists"/> false) when the signature has no such name.
    /// </summary>
    public TensorInfo SignatureTensor(int signatureIndex, ReadOnlySpan<byte> name, bool output)
    {
        if ((uint)signatureIndex >= (uint)model.SignatureDefCount) return default;
        SignatureDef signature = model.GetSignatureDef(signatureIndex);
        int count = output ? signature.OutputCount : signature.InputCount;
        for (int i = 0; i < count; i++)
        {
            TensorMap map = output ? signature.GetOutput(i) : signature.GetInput(i);
            if (map.Name.EqualsUtf8(name)) return GetTensor(map.TensorIndex, signature.SubgraphIndex);
        }
        return default;
    }

    /// <summary>Runs the subgraph of a signature once (the main subgraph's is the same as <see cref="Invoke"/>).</summary>
    public Status InvokeSignature(int signatureIndex)
    {
        if ((uint)signatureIndex >= (uint)model.SignatureDefCount)
            return Errors.Fail(Status.InvalidArgument, "signature index "u8).Append(signatureIndex).Append(" out of range"u8);
        if (state != State.Allocated)
        {
            Status status = AllocateTensors();
            if (status != Status.Ok) return status;
        }
        return InvokeSubgraph(model.GetSignatureDef(signatureIndex).SubgraphIndex);
    }

    private static int FindByName(SubGraph subgraph, IntVector tensors, ReadOnlySpan<byte> name)
    {
        for (int i = 0; i < tensors.Count; i++)
        {
            if (subgraph.GetTensor(tensors[i]).Name.EqualsUtf8(name)) return i;
        }
        return -1;
    }
}
