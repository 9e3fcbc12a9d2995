using System.Collections.Generic;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace TfLiteMicro.BareMetal.BuildCheck;

/// <summary>
/// Finds UTF-16 string literals (<c>ldstr</c>) in compiled device code. ilc turns each one into a frozen string
/// object in a writable section, i.e. RAM on a microcontroller; message text belongs in UTF-8 literals
/// (<c>"..."u8</c>), which stay in flash (read-only data).
/// </summary>
public static class StringLiteralScanner
{
    public static IReadOnlyList<string> Scan(string assemblyPath)
    {
        var findings = new List<string>();
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        using var lines = new SourceLines(assemblyPath);
        MetadataReader reader = pe.GetMetadataReader();
        foreach (MethodDefinitionHandle handle in reader.MethodDefinitions)
        {
            MethodDefinition method = reader.GetMethodDefinition(handle);
            if (method.RelativeVirtualAddress == 0) continue;
            BlobReader il = pe.GetMethodBody(method.RelativeVirtualAddress).GetILReader();
            while (il.RemainingBytes > 0)
            {
                int offset = il.Offset;
                int opcode = il.ReadByte();
                if (opcode == 0xFE) opcode = 0xFE00 | il.ReadByte();
                if (opcode == 0x72)
                {
                    string text = reader.GetUserString(MetadataTokens.UserStringHandle(il.ReadInt32() & 0xFFFFFF));
                    string type = reader.GetString(reader.GetTypeDefinition(method.GetDeclaringType()).Name);
                    findings.Add(lines.Describe(handle, offset) + ": " + type + "." + reader.GetString(method.Name)
                        + ": \"" + (text.Length > 40 ? text.Substring(0, 40) + "..." : text) + "\"");
                    continue;
                }
                int size = IlOperand.SizeOf(opcode);
                if (size == IlOperand.Switch) il.Offset += il.ReadInt32() * sizeof(int);
                else il.Offset += size;
            }
        }
        return findings;
    }
}
