using System;

namespace TfLiteMicro.Npy;

/// <summary>The parsed header dictionary of a .npy file: {'descr': ..., 'fortran_order': ..., 'shape': (...)}.</summary>
public sealed class NpyHeader
{
    public NpyHeader(NpyDType dtype, bool fortranOrder, int[] shape)
    {
        DType = dtype;
        FortranOrder = fortranOrder;
        Shape = shape;
    }

    public NpyDType DType { get; }

    public bool FortranOrder { get; }

    public int[] Shape { get; }

    /// <summary>
    /// Parses the header text. It is a Python dict literal; only the subset NumPy writes is accepted: string keys,
    /// and string, True/False and tuple-of-integer values.
    /// </summary>
    public static NpyHeader Parse(string text)
    {
        var parser = new NpyHeaderLiteralParser(text);
        string? descriptor = null;
        bool? fortranOrder = null;
        int[]? shape = null;

        parser.Expect('{');
        while (!parser.TryConsume('}'))
        {
            string key = parser.ReadString();
            parser.Expect(':');
            switch (key)
            {
                case "descr":
                    if (parser.Peek() != '\'' && parser.Peek() != '"')
                        throw new NpyFormatException("structured (record) dtypes are not supported; 'descr' must be a simple type string");
                    descriptor = parser.ReadString();
                    break;
                case "fortran_order":
                    fortranOrder = parser.ReadBool();
                    break;
                case "shape":
                    shape = parser.ReadIntTuple();
                    break;
                default:
                    throw new NpyFormatException("unexpected key '" + key + "' in .npy header");
            }
            if (!parser.TryConsume(','))
            {
                parser.Expect('}');
                break;
            }
        }
        parser.ExpectEnd();

        if (descriptor == null) throw new NpyFormatException(".npy header has no 'descr' key");
        if (fortranOrder == null) throw new NpyFormatException(".npy header has no 'fortran_order' key");
        if (shape == null) throw new NpyFormatException(".npy header has no 'shape' key");
        if (!NpyDTypes.TryParseDescriptor(descriptor, out NpyDType dtype, out string error)) throw new NpyFormatException(error);
        return new NpyHeader(dtype, fortranOrder.Value, shape);
    }

    /// <summary>The header dict exactly as NumPy formats it (before padding).</summary>
    public string Format()
    {
        return "{'descr': '" + NpyDTypes.Descriptor(DType) + "', 'fortran_order': " + (FortranOrder ? "True" : "False")
            + ", 'shape': " + NpyArray.FormatShape(Shape) + ", }";
    }
}
