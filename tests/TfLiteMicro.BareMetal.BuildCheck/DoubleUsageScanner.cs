using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace TfLiteMicro.BareMetal.BuildCheck;

/// <summary>
/// Finds float64 in compiled IL. The compiler cannot forbid <c>double</c> (it is a primitive it needs), and a
/// Cortex-M4F faults on the double-precision instructions the ARM32 code generator emits, so this looks at what
/// the compiler produced: double literals (<c>ldc.r8</c>), conversions to double (<c>conv.r8</c>, and
/// <c>conv.r.un</c>, which is how C# converts an unsigned integer to float and which goes through double),
/// double loads/stores, and any field, local, signature or member reference whose type mentions double.
/// </summary>
public static class DoubleUsageScanner
{
    public static IReadOnlyList<DoubleUsage> Scan(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        using var lines = new SourceLines(assemblyPath);
        var scan = new AssemblyScan(pe, pe.GetMetadataReader(), lines);
        scan.Run();
        return scan.Findings;
    }

    private sealed class AssemblyScan
    {
        private readonly PEReader pe;
        private readonly MetadataReader reader;
        private readonly SourceLines lines;
        private readonly ContainsDoubleTypeProvider types = ContainsDoubleTypeProvider.Instance;

        public AssemblyScan(PEReader pe, MetadataReader reader, SourceLines lines)
        {
            this.pe = pe;
            this.reader = reader;
            this.lines = lines;
        }

        public List<DoubleUsage> Findings { get; } = new();

        public void Run()
        {
            foreach (TypeDefinitionHandle typeHandle in reader.TypeDefinitions)
            {
                TypeDefinition type = reader.GetTypeDefinition(typeHandle);
                string typeName = TypeName(type);
                foreach (FieldDefinitionHandle fieldHandle in type.GetFields())
                {
                    FieldDefinition field = reader.GetFieldDefinition(fieldHandle);
                    if (field.DecodeSignature(types, null))
                    {
                        Findings.Add(new DoubleUsage(typeName + "." + reader.GetString(field.Name), "(field)", "field type uses double"));
                    }
                }
                foreach (MethodDefinitionHandle methodHandle in type.GetMethods())
                {
                    ScanMethod(typeName, methodHandle);
                }
            }
        }

        private void ScanMethod(string typeName, MethodDefinitionHandle handle)
        {
            MethodDefinition method = reader.GetMethodDefinition(handle);
            string name = typeName + "." + reader.GetString(method.Name);
            if (ContainsDoubleTypeProvider.MentionsDouble(method.DecodeSignature(types, null)))
            {
                Findings.Add(new DoubleUsage(name, lines.Describe(handle), "signature uses double"));
            }
            if (method.RelativeVirtualAddress == 0) return;

            MethodBodyBlock body = pe.GetMethodBody(method.RelativeVirtualAddress);
            if (!body.LocalSignature.IsNil)
            {
                foreach (bool local in reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(types, null))
                {
                    if (!local) continue;
                    Findings.Add(new DoubleUsage(name, lines.Describe(handle), "local variable of a double type"));
                    break;
                }
            }
            ScanInstructions(name, handle, body.GetILReader());
        }

        private void ScanInstructions(string name, MethodDefinitionHandle handle, BlobReader il)
        {
            while (il.RemainingBytes > 0)
            {
                int offset = il.Offset;
                int opcode = il.ReadByte();
                if (opcode == 0xFE) opcode = 0xFE00 | il.ReadByte();

                string? what = DoubleOpcode(opcode, ref il);
                if (what is not null)
                {
                    Findings.Add(new DoubleUsage(name, lines.Describe(handle, offset), what));
                    continue;
                }

                int size = IlOperand.SizeOf(opcode);
                if (size == IlOperand.Switch)
                {
                    int targets = il.ReadInt32();
                    il.Offset += targets * sizeof(int);
                }
                else if (IlOperand.CarriesToken(opcode))
                {
                    int token = il.ReadInt32();
                    string? member = TokenMentioningDouble(token);
                    if (member is not null) Findings.Add(new DoubleUsage(name, lines.Describe(handle, offset), "uses " + member));
                }
                else
                {
                    il.Offset += size;
                }
            }
        }

        // Returns a description for float64 opcodes (consuming their operand), null otherwise.
        private static string? DoubleOpcode(int opcode, ref BlobReader il)
        {
            switch (opcode)
            {
                case 0x23: return "ldc.r8 " + il.ReadDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture) + " (double literal)";
                case 0x6C: return "conv.r8 (conversion to double)";
                case 0x76: return "conv.r.un (unsigned-to-float conversion goes through double; convert from int or long instead)";
                case 0x4F: return "ldind.r8";
                case 0x57: return "stind.r8";
                case 0x99: return "ldelem.r8";
                case 0xA1: return "stelem.r8";
                default: return null;
            }
        }

        // Member, type and signature tokens whose type mentions double; definitions in this assembly are reported
        // where they are declared instead.
        private string? TokenMentioningDouble(int token)
        {
            if ((token >> 24) == 0x70) return null; // user string (ldstr)
            EntityHandle entity = MetadataTokens.EntityHandle(token);
            switch (entity.Kind)
            {
                case HandleKind.MemberReference:
                    return MemberReferenceMentionsDouble((MemberReferenceHandle)entity);
                case HandleKind.MethodSpecification:
                    MethodSpecification spec = reader.GetMethodSpecification((MethodSpecificationHandle)entity);
                    foreach (bool argument in spec.DecodeSignature(types, null))
                    {
                        if (argument) return "a generic method instantiated over double";
                    }
                    return spec.Method.Kind == HandleKind.MemberReference
                        ? MemberReferenceMentionsDouble((MemberReferenceHandle)spec.Method)
                        : null;
                case HandleKind.TypeSpecification:
                    return types.GetTypeFromSpecification(reader, null, (TypeSpecificationHandle)entity, 0)
                        ? "a type instantiated over double" : null;
                case HandleKind.TypeReference:
                    return types.GetTypeFromReference(reader, (TypeReferenceHandle)entity, 0) ? "System.Double" : null;
                case HandleKind.StandaloneSignature:
                    return ContainsDoubleTypeProvider.MentionsDouble(
                        reader.GetStandaloneSignature((StandaloneSignatureHandle)entity).DecodeMethodSignature(types, null))
                        ? "an indirect call with double in its signature" : null;
                default:
                    return null;
            }
        }

        private string? MemberReferenceMentionsDouble(MemberReferenceHandle handle)
        {
            MemberReference member = reader.GetMemberReference(handle);
            string name = reader.GetString(member.Name);
            if (member.Parent.Kind == HandleKind.TypeSpecification
                && types.GetTypeFromSpecification(reader, null, (TypeSpecificationHandle)member.Parent, 0))
            {
                return name + " of a type instantiated over double";
            }
            bool mentions = member.GetKind() == MemberReferenceKind.Method
                ? ContainsDoubleTypeProvider.MentionsDouble(member.DecodeMethodSignature(types, null))
                : member.DecodeFieldSignature(types, null);
            return mentions ? name + " (double in its signature)" : null;
        }

        private string TypeName(TypeDefinition type)
        {
            string name = reader.GetString(type.Name);
            TypeDefinitionHandle declaring = type.GetDeclaringType();
            if (!declaring.IsNil) return TypeName(reader.GetTypeDefinition(declaring)) + "+" + name;
            string ns = reader.GetString(type.Namespace);
            return ns.Length == 0 ? name : ns + "." + name;
        }
    }
}
