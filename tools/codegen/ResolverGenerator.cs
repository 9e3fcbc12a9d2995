using System;
using System.Collections.Generic;
using System.Globalization;
using System.Reflection;
using System.Text;
using TfLiteMicro.Kernels.Reference;
using TfLiteMicro.Schema;

namespace TfLiteMicro.CodeGeneration;

/// <summary>
/// Writes C# that registers exactly the operators some models use, with the reference kernels' one-operator
/// registration methods (<c>resolver.AddConv2D()</c>, ...). Which method registers which operator is learnt from the
/// kernels themselves: every <c>ReferenceKernels.AddXxx(OpResolver)</c> is called on an empty resolver and what it
/// registered is recorded, so a new operator needs no table here.
/// </summary>
public static class ResolverGenerator
{
    private static readonly Lazy<Dictionary<string, Registration>> registrations = new Lazy<Dictionary<string, Registration>>(FindRegistrations);

    /// <summary>A registration method and how many operators it adds.</summary>
    public sealed record Registration(string Method, int OperatorCount);

    /// <summary>Operator name ("CONV_2D", or a custom operator's name) → the method that registers its reference kernel.</summary>
    public static IReadOnlyDictionary<string, Registration> Registrations => registrations.Value;

    /// <summary>The distinct operators <paramref name="model"/> uses (any subgraph), in operator-code order.</summary>
    public static IReadOnlyList<string> OperatorsOf(Model model)
    {
        var used = new bool[model.OperatorCodeCount];
        for (int s = 0; s < model.SubgraphCount; s++)
        {
            SubGraph subgraph = model.GetSubgraph(s);
            for (int o = 0; o < subgraph.OperatorCount; o++)
            {
                int code = subgraph.GetOperator(o).OpcodeIndex;
                if ((uint)code < (uint)used.Length) used[code] = true;
            }
        }
        var names = new List<string>();
        for (int c = 0; c < used.Length; c++)
        {
            if (!used[c]) continue;
            string name = Name(model.GetOperatorCode(c));
            if (!names.Contains(name)) names.Add(name);
        }
        return names;
    }

    /// <summary>
    /// Whether <paramref name="model"/> has legacy uint8 tensors (TFLite's asymmetric quantization): its registration
    /// then also calls <see cref="ReferenceKernels.EnableLegacyUInt8"/>, which a device links only on request.
    /// </summary>
    public static bool UsesLegacyUInt8(Model model)
    {
        for (int s = 0; s < model.SubgraphCount; s++)
        {
            SubGraph subgraph = model.GetSubgraph(s);
            for (int t = 0; t < subgraph.TensorCount; t++)
            {
                if (subgraph.GetTensor(t).Type == TensorType.UInt8) return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The source of a static class <paramref name="className"/> with <c>Register(OpResolver)</c> and
    /// <c>OperatorCount</c> for the union of the operators of <paramref name="models"/> (name, model).
    /// <paramref name="command"/> is the command line that regenerates it, quoted in the header.
    /// </summary>
    public static string Generate(IReadOnlyList<(string Name, Model Model)> models, string namespaceName, string className, string command)
        => Generate(models, [], namespaceName, className, command, legacyUInt8: false);

    /// <summary>
    /// <see cref="Generate(IReadOnlyList{ValueTuple{string, Model}}, string, string, string)"/> plus the operators named in
    /// <paramref name="extraOperators"/> (builtin names such as QUANTIZE, or custom names such as CIRCULAR_BUFFER), and
    /// the legacy uint8 kernels when <paramref name="legacyUInt8"/> or a model has uint8 tensors. Throws
    /// <see cref="InvalidOperationException"/> naming every operator without a reference kernel.
    /// </summary>
    public static string Generate(IReadOnlyList<(string Name, Model Model)> models, IReadOnlyList<string> extraOperators,
        string namespaceName, string className, string command, bool legacyUInt8)
    {
        var operators = new List<string>();
        var sources = new List<string>();
        foreach ((string _, Model model) in models)
        {
            foreach (string op in OperatorsOf(model))
            {
                if (!operators.Contains(op)) operators.Add(op);
            }
            legacyUInt8 |= UsesLegacyUInt8(model);
        }
        foreach (string op in extraOperators)
        {
            if (!operators.Contains(op)) operators.Add(op);
        }
        var methods = new List<Registration>();
        var missing = new List<string>();
        foreach (string op in operators)
        {
            if (!Registrations.TryGetValue(op, out Registration? registration)) missing.Add(op);
            else if (!methods.Contains(registration)) methods.Add(registration);
        }
        if (missing.Count > 0)
        {
            var known = new List<string>(Registrations.Keys);
            known.Sort(StringComparer.Ordinal);
            throw new InvalidOperationException("no reference kernel registers " + string.Join(", ", missing)
                + "; TfLiteMicro cannot run these models (operators with a reference kernel: " + string.Join(" ", known) + ")");
        }

        int count = 0;
        foreach (Registration registration in methods) count += registration.OperatorCount;
        var modelNames = new List<string>();
        foreach ((string name, Model _) in models) modelNames.Add(name);
        if (extraOperators.Count > 0) modelNames.Add("--ops " + string.Join(",", extraOperators));

        var text = new StringBuilder();
        text.Append("// <auto-generated>\n");
        text.Append("// Generated by `").Append(command).Append("`: the operators of ").Append(string.Join(", ", modelNames)).Append(".\n");
        text.Append("// Re-run that command when a model changes; tests check that this file is up to date.\n");
        text.Append("// </auto-generated>\n");
        text.Append("using TfLiteMicro.Kernels.Reference;\n\n");
        text.Append("namespace ").Append(namespaceName).Append(";\n\n");
        text.Append("/// <summary>Registers the ").Append(operators.Count).Append(operators.Count == 1 ? " operator" : " operators")
            .Append(" the models use, with the reference kernels: ")
            .Append(string.Join(", ", operators)).Append(".</summary>\n");
        text.Append("public static class ").Append(className).Append("\n{\n");
        text.Append("    /// <summary>How many operators <see cref=\"Register\"/> adds: the capacity for <c>new OpResolver(OperatorCount)</c>.</summary>\n");
        text.Append("    public const int OperatorCount = ").Append(count.ToString(CultureInfo.InvariantCulture)).Append(";\n\n");
        text.Append("    /// <summary>Adds every operator the models use to <paramref name=\"resolver\"/>; stops at the first failure.</summary>\n");
        text.Append("    public static Status Register(OpResolver resolver)\n    {\n");
        // A device links the legacy uint8 paths only when asked (ReferenceKernels.EnableLegacyUInt8).
        if (legacyUInt8) text.Append("        ReferenceKernels.EnableLegacyUInt8(); // the models have legacy uint8 tensors\n");
        for (int i = 0; i < methods.Count; i++)
        {
            text.Append(i == 0 ? "        Status status = " : "        if (status == Status.Ok) status = ").Append("resolver.").Append(methods[i].Method).Append("();\n");
        }
        text.Append(methods.Count == 0 ? "        return Status.Ok;\n" : "        return status;\n");
        text.Append("    }\n}\n");
        return text.ToString();
    }

    private static string Name(OperatorCode code) =>
        code.BuiltinCode == BuiltinOperator.CUSTOM ? Encoding.UTF8.GetString(code.CustomCode.Bytes) : BuiltinOperators.NameText(code.BuiltinCode);

    private static Dictionary<string, Registration> FindRegistrations()
    {
        var found = new Dictionary<string, Registration>(StringComparer.Ordinal);
        foreach (MethodInfo method in typeof(ReferenceKernels).GetMethods(BindingFlags.Public | BindingFlags.Static))
        {
            ParameterInfo[] parameters = method.GetParameters();
            if (!method.Name.StartsWith("Add", StringComparison.Ordinal) || method.Name == nameof(ReferenceKernels.AddAll)
                || method.ReturnType != typeof(Status) || parameters.Length != 1 || parameters[0].ParameterType != typeof(OpResolver)) continue;
            var resolver = new OpResolver();
            if ((Status)method.Invoke(null, [resolver])! != Status.Ok) continue;
            var registration = new Registration(method.Name, resolver.Count);
            for (int slot = 0; slot < resolver.Count; slot++)
            {
                OperatorName name = resolver.GetName(slot);
                string key = name.Code == BuiltinOperator.CUSTOM ? Encoding.UTF8.GetString(name.Utf8) : BuiltinOperators.NameText(name.Code);
                // Prefer the method that registers the fewest operators (the most specific one).
                if (!found.TryGetValue(key, out Registration? existing) || registration.OperatorCount < existing.OperatorCount
                    || (registration.OperatorCount == existing.OperatorCount && string.CompareOrdinal(registration.Method, existing.Method) < 0))
                    found[key] = registration;
            }
        }
        return found;
    }
}
