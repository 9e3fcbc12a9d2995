using System;
using System.Linq;
using System.Reflection;

namespace TfLiteMicro.BareMetal.BuildCheck;

/// <summary>Writes a runtime type as text in the form <see cref="SignatureTextProvider"/> uses.</summary>
internal static class ReflectionSignatureText
{
    public static string Of(Type type)
    {
        if (type.IsByRef) return Of(type.GetElementType()!) + "&";
        if (type.IsPointer) return Of(type.GetElementType()!) + "*";
        if (type.IsSZArray) return Of(type.GetElementType()!) + "[]";
        if (type.IsArray) return Of(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        if (type.IsGenericMethodParameter) return "!!" + type.GenericParameterPosition;
        if (type.IsGenericTypeParameter) return "!" + type.GenericParameterPosition;
        if (type.IsFunctionPointer)
        {
            return "fnptr(" + string.Join(",", type.GetFunctionPointerParameterTypes()
                .Prepend(type.GetFunctionPointerReturnType()).Select(Of)) + ")";
        }
        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            return type.GetGenericTypeDefinition().FullName + "<" + string.Join(",", type.GetGenericArguments().Select(Of)) + ">";
        }
        if (type.IsGenericTypeDefinition)
        {
            // An open generic type used inside its own signatures: written as instantiated over its parameters.
            return type.FullName + "<" + string.Join(",", type.GetGenericArguments().Select(Of)) + ">";
        }
        return type.FullName ?? type.Name;
    }

    public static string Of(MethodBase method)
    {
        string returnType = method is MethodInfo info ? Of(info.ReturnType) : "System.Void";
        return Describe(method.IsStatic, returnType, method.Name, method.GetParameters().Select(p => Of(p.ParameterType)));
    }

    public static string Describe(bool isStatic, string returnType, string name, System.Collections.Generic.IEnumerable<string> parameters) =>
        (isStatic ? "static " : "") + returnType + " " + name + "(" + string.Join(",", parameters) + ")";
}
