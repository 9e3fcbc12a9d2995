using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace TfLiteMicro.BareMetal.BuildCheck;

/// <summary>
/// Compares the bare-metal core library's public API with the real BCL (the one this test runs on): every
/// public type must exist there with the same kind, and every public or protected method, constructor and
/// field must exist with the same name, static-ness and signature. This keeps device code compiling the same
/// way against both libraries.
/// </summary>
public static class CoreLibApiSurface
{
    private const BindingFlags AllMembers =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.FlattenHierarchy;

    /// <summary>One line per public API of the core library that the BCL does not have.</summary>
    public static IReadOnlyList<string> NotInDotNet(string coreLibPath)
    {
        using var stream = File.OpenRead(coreLibPath);
        using var pe = new PEReader(stream);
        MetadataReader reader = pe.GetMetadataReader();
        var problems = new List<string>();
        foreach (TypeDefinitionHandle handle in reader.TypeDefinitions)
        {
            TypeDefinition type = reader.GetTypeDefinition(handle);
            if (!IsVisible(reader, type)) continue;
            string name = SignatureTextProvider.FullName(reader, handle);
            Type? runtimeType = FindRuntimeType(name);
            if (runtimeType is null)
            {
                problems.Add("type " + name + " does not exist in .NET");
                continue;
            }
            string kind = KindOf(reader, type);
            string runtimeKind = KindOf(runtimeType);
            if (kind != runtimeKind)
            {
                problems.Add("type " + name + " is a " + kind + " here but a " + runtimeKind + " in .NET");
            }
            CompareMethods(reader, type, name, runtimeType, problems);
            CompareFields(reader, type, name, runtimeType, problems);
        }
        return problems;
    }

    private static void CompareMethods(MetadataReader reader, TypeDefinition type, string typeName, Type runtimeType, List<string> problems)
    {
        var runtimeMethods = new HashSet<string>(
            runtimeType.GetMethods(AllMembers).Where(IsVisible).Select(ReflectionSignatureText.Of)
                .Concat(runtimeType.GetConstructors(AllMembers).Where(IsVisible).Select(ReflectionSignatureText.Of)));
        foreach (MethodDefinitionHandle handle in type.GetMethods())
        {
            MethodDefinition method = reader.GetMethodDefinition(handle);
            MethodAttributes access = method.Attributes & MethodAttributes.MemberAccessMask;
            if (access != MethodAttributes.Public && access != MethodAttributes.Family && access != MethodAttributes.FamORAssem) continue;
            MethodSignature<string> signature = method.DecodeSignature(SignatureTextProvider.Instance, null);
            string text = ReflectionSignatureText.Describe(
                (method.Attributes & MethodAttributes.Static) != 0, signature.ReturnType, reader.GetString(method.Name),
                signature.ParameterTypes);
            if (!runtimeMethods.Contains(text)) problems.Add(typeName + ": " + text + " does not exist in .NET");
        }
    }

    private static void CompareFields(MetadataReader reader, TypeDefinition type, string typeName, Type runtimeType, List<string> problems)
    {
        foreach (FieldDefinitionHandle handle in type.GetFields())
        {
            FieldDefinition field = reader.GetFieldDefinition(handle);
            FieldAttributes access = field.Attributes & FieldAttributes.FieldAccessMask;
            if (access != FieldAttributes.Public && access != FieldAttributes.Family && access != FieldAttributes.FamORAssem) continue;
            string name = reader.GetString(field.Name);
            FieldInfo? runtimeField = runtimeType.GetField(name, AllMembers);
            bool isStatic = (field.Attributes & FieldAttributes.Static) != 0;
            string fieldType = field.DecodeSignature(SignatureTextProvider.Instance, null);
            if (runtimeField is null || !(runtimeField.IsPublic || runtimeField.IsFamily || runtimeField.IsFamilyOrAssembly))
            {
                problems.Add(typeName + ": field " + name + " does not exist in .NET");
            }
            else if (runtimeField.IsStatic != isStatic || (ReflectionSignatureText.Of(runtimeField.FieldType) != fieldType && !runtimeType.IsEnum))
            {
                problems.Add(typeName + ": field " + name + " differs from .NET (static or type)");
            }
            else if (runtimeType.IsEnum && isStatic)
            {
                object expected = Convert.ToInt64(runtimeField.GetRawConstantValue());
                object actual = ReadIntegerConstant(reader, field.GetDefaultValue());
                if (!expected.Equals(actual)) problems.Add(typeName + "." + name + " = " + actual + " but " + expected + " in .NET");
            }
        }
    }

    private static long ReadIntegerConstant(MetadataReader reader, ConstantHandle handle)
    {
        Constant constant = reader.GetConstant(handle);
        BlobReader blob = reader.GetBlobReader(constant.Value);
        return constant.TypeCode switch
        {
            ConstantTypeCode.SByte => blob.ReadSByte(),
            ConstantTypeCode.Byte => blob.ReadByte(),
            ConstantTypeCode.Int16 => blob.ReadInt16(),
            ConstantTypeCode.UInt16 => blob.ReadUInt16(),
            ConstantTypeCode.Int32 => blob.ReadInt32(),
            ConstantTypeCode.UInt32 => blob.ReadUInt32(),
            ConstantTypeCode.Int64 => blob.ReadInt64(),
            _ => throw new InvalidDataException("Unexpected enum constant type " + constant.TypeCode),
        };
    }

    private static bool IsVisible(MethodBase method) => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly;

    private static bool IsVisible(MetadataReader reader, TypeDefinition type)
    {
        TypeAttributes visibility = type.Attributes & TypeAttributes.VisibilityMask;
        if (visibility == TypeAttributes.Public) return true;
        if (visibility != TypeAttributes.NestedPublic) return false;
        return IsVisible(reader, reader.GetTypeDefinition(type.GetDeclaringType()));
    }

    private static Type? FindRuntimeType(string fullName) =>
        typeof(object).Assembly.GetType(fullName)
        ?? AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(fullName)).FirstOrDefault(t => t is not null);

    private static string KindOf(Type type) =>
        type.IsInterface ? "interface" : type.IsEnum ? "enum" : type.IsValueType ? "struct" : "class";

    private static string KindOf(MetadataReader reader, TypeDefinition type)
    {
        if ((type.Attributes & TypeAttributes.Interface) != 0) return "interface";
        if (type.BaseType.IsNil || type.BaseType.Kind != HandleKind.TypeDefinition) return "class";
        string baseName = SignatureTextProvider.FullName(reader, (TypeDefinitionHandle)type.BaseType);
        // System.Enum itself derives from ValueType but is a class, as in the BCL.
        if (reader.StringComparer.Equals(type.Name, "Enum") && reader.StringComparer.Equals(type.Namespace, "System")) return "class";
        return baseName switch
        {
            "System.Enum" => "enum",
            "System.ValueType" => "struct",
            _ => "class",
        };
    }
}
