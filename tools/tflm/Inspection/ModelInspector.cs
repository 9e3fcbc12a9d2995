using System.Collections.Generic;
using TfLiteMicro.Ports;
using TfLiteMicro.Schema;
using TfLiteMicro.Tools.Models;
using TfLiteMicro.Tools.Running;

namespace TfLiteMicro.Tools.Inspection;

/// <summary>Builds a <see cref="ModelDescription"/> from a loaded model.</summary>
public static class ModelInspector
{
    public static ModelDescription Describe(ModelFile file, OpResolver resolver)
    {
        Model model = file.Model;
        OperatorVerdicts verdicts = OperatorVerdicts.Check(model, resolver);
        var subgraphs = new List<SubgraphDescription>(model.SubgraphCount);
        for (int s = 0; s < model.SubgraphCount; s++) subgraphs.Add(DescribeSubgraph(model, s, verdicts));

        int operatorCount = 0;
        int unsupported = 0;
        var refusedCodes = new HashSet<int>();
        foreach (SubgraphDescription subgraph in subgraphs)
        {
            foreach (OperatorDescription op in subgraph.Operators)
            {
                operatorCount++;
                if (op.Supported) continue;
                unsupported++;
                refusedCodes.Add(op.OpcodeIndex);
            }
        }
        IReadOnlyList<RequiredOperatorDescription> required = DescribeRequiredOperators(model, resolver, refusedCodes);

        string description = ModelText.ToText(model.Description);
        return new ModelDescription
        {
            Path = file.Path,
            SizeBytes = file.Length,
            SchemaVersion = model.Version,
            Description = description.Length > 0 ? description : null,
            Subgraphs = subgraphs,
            RequiredOperators = required,
            AllOperatorsSupported = unsupported == 0 && verdicts.CheckError == null,
            UnsupportedOperatorCount = unsupported,
            OperatorCount = operatorCount,
            OperatorCheckError = verdicts.CheckError,
            Arena = DescribeArena(ArenaTrial.Measure(model, resolver), DescribeKernelSetArenas(model)),
        };
    }

    /// <summary>True when every operator the model uses has a kernel in <paramref name="resolver"/>.</summary>
    public static bool AllOperatorsSupported(Model model, OpResolver resolver)
    {
        foreach (RequiredOperatorDescription op in DescribeRequiredOperators(model, resolver))
        {
            if (op.Status != RequiredOperatorDescription.SupportedStatus) return false;
        }
        return true;
    }

    /// <summary>The distinct operator codes used by any operator of any subgraph, and whether each is registered.</summary>
    public static IReadOnlyList<RequiredOperatorDescription> DescribeRequiredOperators(Model model, OpResolver resolver) =>
        DescribeRequiredOperators(model, resolver, new HashSet<int>());

    /// <summary>
    /// The distinct operator codes used by any operator of any subgraph, in operator-code order; codes in
    /// <paramref name="refusedCodes"/> had a node refused by its kernel.
    /// </summary>
    public static IReadOnlyList<RequiredOperatorDescription> DescribeRequiredOperators(Model model, OpResolver resolver,
        IReadOnlySet<int> refusedCodes)
    {
        int[] uses = new int[model.OperatorCodeCount];
        for (int s = 0; s < model.SubgraphCount; s++)
        {
            SubGraph subgraph = model.GetSubgraph(s);
            for (int o = 0; o < subgraph.OperatorCount; o++)
            {
                int opcode = subgraph.GetOperator(o).OpcodeIndex;
                if ((uint)opcode < (uint)uses.Length) uses[opcode]++;
            }
        }

        // A model may list one operator under several operator-code entries (converters emit one per version or
        // per subgraph): merge them by name, keeping the first entry's position and the worst status.
        var required = new List<RequiredOperatorDescription>();
        var positions = new Dictionary<string, int>(System.StringComparer.Ordinal);
        for (int c = 0; c < uses.Length; c++)
        {
            if (uses[c] == 0) continue;
            OperatorCode code = model.GetOperatorCode(c);
            string name = ModelText.OperatorName(code);
            string status = !ReferenceResolver.Supports(resolver, code)
                ? RequiredOperatorDescription.NotRegisteredStatus
                : refusedCodes.Contains(c) ? RequiredOperatorDescription.RejectedStatus : RequiredOperatorDescription.SupportedStatus;
            if (positions.TryGetValue(name, out int position))
            {
                RequiredOperatorDescription earlier = required[position];
                required[position] = new RequiredOperatorDescription
                {
                    Op = name,
                    IsCustom = earlier.IsCustom,
                    Uses = earlier.Uses + uses[c],
                    Status = Worse(earlier.Status, status),
                };
                continue;
            }
            positions.Add(name, required.Count);
            required.Add(new RequiredOperatorDescription
            {
                Op = name,
                IsCustom = code.BuiltinCode == BuiltinOperator.CUSTOM,
                Uses = uses[c],
                Status = status,
            });
        }
        return required;
    }

    private static string Worse(string a, string b)
    {
        if (a == RequiredOperatorDescription.NotRegisteredStatus || b == RequiredOperatorDescription.NotRegisteredStatus)
            return RequiredOperatorDescription.NotRegisteredStatus;
        if (a == RequiredOperatorDescription.RejectedStatus || b == RequiredOperatorDescription.RejectedStatus)
            return RequiredOperatorDescription.RejectedStatus;
        return RequiredOperatorDescription.SupportedStatus;
    }

    private static SubgraphDescription DescribeSubgraph(Model model, int index, OperatorVerdicts verdicts)
    {
        SubGraph subgraph = model.GetSubgraph(index);
        var operators = new List<OperatorDescription>(subgraph.OperatorCount);
        for (int o = 0; o < subgraph.OperatorCount; o++)
        {
            Operator op = subgraph.GetOperator(o);
            operators.Add(new OperatorDescription
            {
                Index = o,
                Op = ModelText.OperatorName(model.GetOperatorCode(op.OpcodeIndex)),
                OpcodeIndex = op.OpcodeIndex,
                Inputs = op.Inputs.AsSpan().ToArray(),
                Outputs = op.Outputs.AsSpan().ToArray(),
                Supported = verdicts.For(index, o) == OperatorVerdicts.SupportedVerdict,
                Status = verdicts.For(index, o),
            });
        }

        var tensors = new List<TensorDescription>(subgraph.TensorCount);
        for (int t = 0; t < subgraph.TensorCount; t++) tensors.Add(DescribeTensor(model, subgraph.GetTensor(t), t));

        return new SubgraphDescription
        {
            Index = index,
            Name = ModelText.ToText(subgraph.Name),
            Inputs = subgraph.Inputs.AsSpan().ToArray(),
            Outputs = subgraph.Outputs.AsSpan().ToArray(),
            Operators = operators,
            Tensors = tensors,
        };
    }

    private static TensorDescription DescribeTensor(Model model, Tensor tensor, int index)
    {
        return new TensorDescription
        {
            Index = index,
            Name = ModelText.ToText(tensor.Name),
            Type = TensorTypes.NameText(tensor.Type),
            Shape = tensor.Shape.AsSpan().ToArray(),
            Buffer = tensor.BufferIndex,
            IsConstant = model.GetBuffer(tensor.BufferIndex).Length > 0,
            IsVariable = tensor.IsVariable,
            Quantization = DescribeQuantization(tensor),
        };
    }

    private static QuantizationDescription? DescribeQuantization(Tensor tensor)
    {
        if (!tensor.HasQuantization) return null;
        QuantizationParameters quantization = tensor.Quantization;
        int count = quantization.Scale.Count;
        if (count == 0) return null;
        var scales = new float[count];
        for (int i = 0; i < count; i++) scales[i] = quantization.Scale[i];
        var zeroPoints = new long[quantization.ZeroPoint.Count];
        for (int i = 0; i < zeroPoints.Length; i++) zeroPoints[i] = quantization.ZeroPoint[i];
        return new QuantizationDescription
        {
            ChannelCount = count,
            QuantizedDimension = quantization.QuantizedDimension,
            Scales = scales,
            ZeroPoints = zeroPoints,
        };
    }

    /// <summary>The arena of every kernel set (<see cref="KernelSets.All"/>).</summary>
    public static IReadOnlyList<KernelSetArenaDescription> DescribeKernelSetArenas(Model model)
    {
        var arenas = new List<KernelSetArenaDescription>();
        foreach (KernelSet set in KernelSets.All)
        {
            OpResolver resolver = set.CreateResolver();
            ArenaTrialResult trial = ArenaTrial.Measure(model, resolver);
            if (!trial.Succeeded)
            {
                arenas.Add(new KernelSetArenaDescription { Kernels = set.Name, Planned = false, Error = trial.Error });
                continue;
            }
            int separate = trial.RequiredBytes;
            if (trial.WeightsBytes > 0)
            {
                // Again with the weights in memory of their own (as large as they were, plus alignment room).
                ArenaTrialResult apart = ArenaTrial.Measure(model, resolver, separateWeightsBytes: trial.WeightsBytes + 64 * 16);
                if (apart.Succeeded) separate = apart.RequiredBytes;
            }
            arenas.Add(new KernelSetArenaDescription
            {
                Kernels = set.Name,
                Planned = true,
                UsedBytes = trial.UsedBytes,
                RequiredBytes = trial.RequiredBytes,
                WeightsBytes = trial.WeightsBytes,
                RequiredWithSeparateWeightsBytes = separate,
            });
        }
        return arenas;
    }

    private static ArenaDescription DescribeArena(ArenaTrialResult trial, IReadOnlyList<KernelSetArenaDescription> kernelSets)
    {
        if (!trial.Succeeded)
        {
            return new ArenaDescription
            {
                TrialArenaBytes = trial.TrialBytes,
                Planned = false,
                ErrorStatus = trial.Status.ToString(),
                Error = trial.Error,
                KernelSets = kernelSets,
            };
        }
        return new ArenaDescription
        {
            TrialArenaBytes = trial.TrialBytes,
            Planned = true,
            UsedBytes = trial.UsedBytes,
            HeadBytes = trial.HeadBytes,
            TailBytes = trial.TailBytes,
            RequiredBytes = trial.RequiredBytes,
            KernelSets = kernelSets,
        };
    }
}
