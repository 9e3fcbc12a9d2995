namespace TfLiteMicro.BareMetal.BuildCheck;

/// <summary>
/// Operand layout of each IL opcode (ECMA-335 partition III), enough to walk a method body instruction by
/// instruction. Two-byte opcodes are written 0xFExx.
/// </summary>
internal static class IlOperand
{
    public const int Switch = -1;

    /// <summary>Operand size in bytes, or <see cref="Switch"/> for the variable-length switch table.</summary>
    public static int SizeOf(int opcode)
    {
        switch (opcode)
        {
            case 0x45:
                return Switch;
            case >= 0x0E and <= 0x13: // ldarg.s .. stloc.s
            case 0x1F: // ldc.i4.s
            case >= 0x2B and <= 0x37: // short branches
            case 0xDE: // leave.s
            case 0xFE12: // unaligned.
            case 0xFE19: // no.
                return 1;
            case >= 0xFE09 and <= 0xFE0E: // ldarg .. stloc
                return 2;
            case 0x21: // ldc.i8
            case 0x23: // ldc.r8
                return 8;
            case 0x20: // ldc.i4
            case 0x22: // ldc.r4
            case >= 0x38 and <= 0x44: // long branches
            case 0xDD: // leave
                return 4;
            default:
                return CarriesToken(opcode) ? 4 : 0;
        }
    }

    /// <summary>Whether the 4-byte operand is a metadata token (method, field, type, signature or string).</summary>
    public static bool CarriesToken(int opcode)
    {
        switch (opcode)
        {
            case 0x27: // jmp
            case 0x28: // call
            case 0x29: // calli
            case 0x6F: // callvirt
            case >= 0x70 and <= 0x75: // cpobj ldobj ldstr newobj castclass isinst
            case 0x79: // unbox
            case >= 0x7B and <= 0x81: // ldfld .. stobj
            case 0x8C: // box
            case 0x8D: // newarr
            case 0x8F: // ldelema
            case >= 0xA3 and <= 0xA5: // ldelem stelem unbox.any
            case 0xC2: // refanyval
            case 0xC6: // mkrefany
            case 0xD0: // ldtoken
            case 0xFE06: // ldftn
            case 0xFE07: // ldvirtftn
            case 0xFE15: // initobj
            case 0xFE16: // constrained.
            case 0xFE1C: // sizeof
                return true;
            default:
                return false;
        }
    }
}
