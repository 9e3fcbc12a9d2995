using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace TfLiteMicro.BareMetal.BuildCheck;

/// <summary>
/// Decodes a metadata signature into one answer: does it mention float64 anywhere (directly, as an array or
/// pointer element, a by-ref, or a generic argument such as <c>Span&lt;double&gt;</c>)?
/// </summary>
internal sealed class ContainsDoubleTypeProvider : ISignatureTypeProvider<bool, object?>
{
    public static readonly ContainsDoubleTypeProvider Instance = new();

    public bool GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode == PrimitiveTypeCode.Double;

    public bool GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
    {
        TypeDefinition type = reader.GetTypeDefinition(handle);
        return IsSystemDouble(reader, type.Namespace, type.Name);
    }

    public bool GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
    {
        TypeReference type = reader.GetTypeReference(handle);
        return IsSystemDouble(reader, type.Namespace, type.Name);
    }

    public bool GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
        reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    public bool GetSZArrayType(bool elementType) => elementType;

    public bool GetArrayType(bool elementType, ArrayShape shape) => elementType;

    public bool GetByReferenceType(bool elementType) => elementType;

    public bool GetPointerType(bool elementType) => elementType;

    public bool GetPinnedType(bool elementType) => elementType;

    public bool GetGenericInstantiation(bool genericType, ImmutableArray<bool> typeArguments)
    {
        if (genericType) return true;
        foreach (bool argument in typeArguments)
        {
            if (argument) return true;
        }
        return false;
    }

    public bool GetGenericMethodParameter(object? genericContext, int index) => false;

    public bool GetGenericTypeParameter(object? genericContext, int index) => false;

    public bool GetModifiedType(bool modifier, bool unmodifiedType, bool isRequired) => unmodifiedType;

    public bool GetFunctionPointerType(MethodSignature<bool> signature) => MentionsDouble(signature);

    public static bool MentionsDouble(MethodSignature<bool> signature)
    {
        if (signature.ReturnType) return true;
        foreach (bool parameter in signature.ParameterTypes)
        {
            if (parameter) return true;
        }
        return false;
    }

    private static bool IsSystemDouble(MetadataReader reader, StringHandle ns, StringHandle name) =>
        reader.StringComparer.Equals(ns, "System") && reader.StringComparer.Equals(name, "Double");
}
