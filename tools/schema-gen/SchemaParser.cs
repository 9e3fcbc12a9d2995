using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace TfLiteMicro.SchemaGen;

/// <summary>
/// Parses the subset of the FlatBuffers schema language that TFLite's schema uses: namespace, file_identifier,
/// file_extension, attribute, include, root_type, enum, union and table (no structs, which the schema does not
/// declare; meeting one is an error rather than a silent omission).
/// </summary>
internal sealed class SchemaParser
{
    private readonly List<string> tokens;
    private int position;

    private SchemaParser(List<string> tokens) { this.tokens = tokens; }

    public static SchemaDefinition Parse(string text)
    {
        var parser = new SchemaParser(Tokenize(text));
        return parser.ParseSchema();
    }

    private SchemaDefinition ParseSchema()
    {
        var schema = new SchemaDefinition();
        while (position < tokens.Count)
        {
            string keyword = Next();
            switch (keyword)
            {
                case "namespace": SkipUntil(";"); break;
                case "include": SkipUntil(";"); break;
                case "attribute": SkipUntil(";"); break;
                case "file_extension": SkipUntil(";"); break;
                case "file_identifier": schema.FileIdentifier = Unquote(Next()); Expect(";"); break;
                case "root_type": schema.RootType = Next(); Expect(";"); break;
                case "enum": schema.Enums.Add(ParseEnum()); break;
                case "union": schema.Unions.Add(ParseUnion()); break;
                case "table": schema.Tables.Add(ParseTable(schema)); break;
                default: throw new FormatException("unexpected token '" + keyword + "' at token " + position);
            }
        }
        return schema;
    }

    private EnumDefinition ParseEnum()
    {
        string name = Next();
        Expect(":");
        string underlying = Next();
        SkipAttributes();
        Expect("{");
        var values = new List<EnumValue>();
        long next = 0;
        while (Peek() != "}")
        {
            string valueName = Next();
            long value = next;
            if (Peek() == "=")
            {
                Next();
                value = long.Parse(Next(), CultureInfo.InvariantCulture);
            }
            bool deprecated = SkipAttributes();
            values.Add(new EnumValue(valueName, value, deprecated));
            next = value + 1;
            if (Peek() == ",") Next();
        }
        Expect("}");
        return new EnumDefinition(name, underlying, values);
    }

    private UnionDefinition ParseUnion()
    {
        string name = Next();
        SkipAttributes();
        Expect("{");
        var members = new List<UnionMember>();
        while (Peek() != "}")
        {
            string member = Next();
            if (Peek() == "=") throw new FormatException("explicit union tags are not supported (union " + name + ")");
            bool deprecated = SkipAttributes();
            members.Add(new UnionMember(member, members.Count + 1, deprecated));
            if (Peek() == ",") Next();
        }
        Expect("}");
        return new UnionDefinition(name, members);
    }

    private TableDefinition ParseTable(SchemaDefinition schema)
    {
        string name = Next();
        bool tableDeprecated = SkipAttributes();
        Expect("{");
        var fields = new List<FieldDefinition>();
        int nextId = 0;
        while (Peek() != "}")
        {
            string fieldName = Next();
            Expect(":");
            bool isVector = false;
            string typeName;
            if (Peek() == "[")
            {
                Next();
                typeName = Next();
                Expect("]");
                isVector = true;
            }
            else
            {
                typeName = Next();
            }
            string? defaultText = null;
            if (Peek() == "=")
            {
                Next();
                defaultText = Next();
            }
            int forceAlign = 0;
            bool deprecated = SkipAttributes(value => forceAlign = value);
            Expect(";");
            fields.Add(new FieldDefinition(fieldName, typeName, isVector, defaultText, deprecated, nextId, forceAlign));
            // Unions occupy two slots: the type tag and the value. Unions are declared before use in this schema,
            // but a forward reference is resolved later anyway (see Program), so only count known unions here.
            nextId += !isVector && schema.FindUnion(typeName) != null ? 2 : 1;
        }
        Expect("}");
        return new TableDefinition(name, fields, tableDeprecated);
    }

    /// <summary>
    /// Skips "( name [: value], ... )" if present; returns true when it contained "deprecated". A
    /// <c>force_align: N</c> attribute is passed to <paramref name="onForceAlign"/> (the layout emitter needs it).
    /// </summary>
    private bool SkipAttributes(Action<int>? onForceAlign = null)
    {
        if (Peek() != "(") return false;
        bool deprecated = false;
        Next();
        while (Peek() != ")")
        {
            string attribute = Next();
            if (attribute == "deprecated") deprecated = true;
            if (attribute == "force_align" && Peek() == ":")
            {
                Next();
                int value = int.Parse(Next(), CultureInfo.InvariantCulture);
                onForceAlign?.Invoke(value);
            }
        }
        Next();
        return deprecated;
    }

    private void SkipUntil(string terminator)
    {
        while (Next() != terminator) { }
    }

    private string Peek() => position < tokens.Count ? tokens[position] : "";

    private string Next()
    {
        if (position >= tokens.Count) throw new FormatException("unexpected end of schema");
        return tokens[position++];
    }

    private void Expect(string token)
    {
        string actual = Next();
        if (actual != token) throw new FormatException("expected '" + token + "' but found '" + actual + "' at token " + position);
    }

    private static string Unquote(string token) => token.Length >= 2 && token[0] == '"' ? token.Substring(1, token.Length - 2) : token;

    private static List<string> Tokenize(string text)
    {
        var result = new List<string>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                while (i < text.Length && text[i] != '\n') i++;
                continue;
            }
            if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                int end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? text.Length : end + 2;
                continue;
            }
            if (c == '"')
            {
                int end = text.IndexOf('"', i + 1);
                result.Add(text.Substring(i, end - i + 1));
                i = end + 1;
                continue;
            }
            if ("{}()[]:;=,".IndexOf(c) >= 0)
            {
                result.Add(c.ToString());
                i++;
                continue;
            }
            var word = new StringBuilder();
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_' || text[i] == '.' || text[i] == '-' || text[i] == '+'))
            {
                word.Append(text[i]);
                i++;
            }
            if (word.Length == 0) throw new FormatException("unexpected character '" + c + "' at offset " + i);
            result.Add(word.ToString());
        }
        return result;
    }
}
