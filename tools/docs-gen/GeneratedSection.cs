using System;

namespace TfLiteMicro.DocsGen;

/// <summary>
/// A generated part of a hand-written document: the lines between <c>&lt;!-- generated: NAME ... --&gt;</c> and
/// <c>&lt;!-- end generated: NAME --&gt;</c>. The prose around it stays the authors'; the part between is rewritten.
/// </summary>
public static class GeneratedSection
{
    public static string StartMarker(string name) => "<!-- generated: " + name;
    public static string EndMarker(string name) => "<!-- end generated: " + name + " -->";

    /// <summary>The lines between the markers (without them), or an error naming the missing marker.</summary>
    public static string Read(string document, string name, string path)
    {
        (int start, int end) = Find(document.ReplaceLineEndings("\n"), name, path);
        return document.ReplaceLineEndings("\n")[start..end];
    }

    /// <summary><paramref name="document"/> with the lines between the markers replaced by <paramref name="body"/>.</summary>
    public static string Replace(string document, string name, string path, string body)
    {
        string text = document.ReplaceLineEndings("\n");
        (int start, int end) = Find(text, name, path);
        return text[..start] + body + text[end..];
    }

    private static (int Start, int End) Find(string text, string name, string path)
    {
        int marker = text.IndexOf(StartMarker(name), StringComparison.Ordinal);
        if (marker < 0) throw new InvalidOperationException(path + " has no '" + StartMarker(name) + " ... -->' line");
        int start = text.IndexOf('\n', marker) + 1;
        int end = text.IndexOf(EndMarker(name), start, StringComparison.Ordinal);
        if (start == 0 || end < 0) throw new InvalidOperationException(path + " has no '" + EndMarker(name) + "' line");
        return (start, end);
    }
}
