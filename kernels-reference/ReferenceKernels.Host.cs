using System;
using System.Collections.Generic;
using System.Reflection;
using System.Text;
using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

// Host-only: which registration method adds which operator, for tools that generate a resolver from a model
// (tflm resolver, the C library build).
public static partial class ReferenceKernels
{
    private static readonly Lazy<IReadOnlyList<KernelRegistration>> registrations = new(FindRegistrations);

    /// <summary>
    /// Every <c>AddXxx(this OpResolver)</c> method of this class with the operator it registers (found by calling
    /// each on a fresh resolver), ordered by method name.
    /// </summary>
    public static IReadOnlyList<KernelRegistration> Registrations => registrations.Value;

    private static IReadOnlyList<KernelRegistration> FindRegistrations()
    {
        List<KernelRegistration> found = new();
        foreach (MethodInfo method in typeof(ReferenceKernels).GetMethods(BindingFlags.Public | BindingFlags.Static))
        {
            ParameterInfo[] parameters = method.GetParameters();
            if (!method.Name.StartsWith("Add", StringComparison.Ordinal) || method.ReturnType != typeof(Status)
                || parameters.Length != 1 || parameters[0].ParameterType != typeof(OpResolver)
                || !method.IsDefined(typeof(System.Runtime.CompilerServices.ExtensionAttribute), false))
            {
                continue;
            }
            OpResolver resolver = new();
            if ((Status)method.Invoke(null, new object[] { resolver })! != Status.Ok || resolver.Count != 1) continue;
            BuiltinOperator code = resolver.GetCode(0);
            string? custom = code == BuiltinOperator.CUSTOM ? Encoding.UTF8.GetString(resolver.GetName(0).Utf8) : null;
            found.Add(new KernelRegistration(method.Name, code, custom));
        }
        found.Sort((a, b) => string.CompareOrdinal(a.MethodName, b.MethodName));
        return found;
    }
}

/// <summary>A reference kernel's registration method and the operator it adds (a builtin, or a custom name).</summary>
public sealed record KernelRegistration(string MethodName, BuiltinOperator Builtin, string? CustomName)
{
    /// <summary>"FULLY_CONNECTED", or the custom operator's name.</summary>
    public string OperatorName => CustomName ?? Encoding.UTF8.GetString(BuiltinOperators.Name(Builtin));
}
