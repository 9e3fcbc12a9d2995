using System;
using System.Collections.Generic;

namespace TfLiteMicro.Npy;

/// <summary>A tiny recursive-descent reader for the Python literals a .npy header contains.</summary>
internal sealed class NpyHeaderLiteralParser
{
    private readonly string text;
    private int position;

    public NpyHeaderLiteralParser(string text)
    {
        this.text = text;
    }

    public char Peek()
    {
        SkipWhitespace();
        return position < text.Length ? text[position] : '\0';
    }

    public bool TryConsume(char c)
    {
        if (Peek() != c) return false;
        position++;
        return true;
    }

    public void Expect(char c)
    {
        if (!TryConsume(c)) throw Error("expected '" + c + "'");
    }

    public void ExpectEnd()
    {
        if (position < text.Length && text.AsSpan(position).Trim().Length > 0) throw Error("unexpected text after the header dict");
    }

    public string ReadString()
    {
        char quote = Peek();
        if (quote != '\'' && quote != '"') throw Error("expected a quoted string");
        int start = ++position;
        int end = text.IndexOf(quote, start);
        if (end < 0) throw Error("unterminated string");
        position = end + 1;
        return text.Substring(start, end - start);
    }

    public bool ReadBool()
    {
        SkipWhitespace();
        if (Matches("True")) return true;
        if (Matches("False")) return false;
        throw Error("expected True or False");
    }

    public int[] ReadIntTuple()
    {
        Expect('(');
        var values = new List<int>();
        while (!TryConsume(')'))
        {
            values.Add(ReadInt());
            if (!TryConsume(','))
            {
                Expect(')');
                break;
            }
        }
        return values.ToArray();
    }

    private int ReadInt()
    {
        SkipWhitespace();
        int start = position;
        while (position < text.Length && char.IsAsciiDigit(text[position])) position++;
        if (start == position) throw Error("expected a non-negative integer dimension");
        string digits = text.Substring(start, position - start);
        // Python 2 wrote long integers with an 'L' suffix.
        if (position < text.Length && text[position] == 'L') position++;
        if (!int.TryParse(digits, out int value)) throw Error("dimension " + digits + " is too large");
        return value;
    }

    private bool Matches(string word)
    {
        if (string.CompareOrdinal(text, position, word, 0, word.Length) != 0) return false;
        position += word.Length;
        return true;
    }

    private void SkipWhitespace()
    {
        while (position < text.Length && char.IsWhiteSpace(text[position])) position++;
    }

    private NpyFormatException Error(string what) =>
        new NpyFormatException("malformed .npy header: " + what + " at character " + position + " of \"" + text.Trim() + "\"");
}
