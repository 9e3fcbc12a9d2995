using System;
using System.Collections.Generic;
using System.IO;

namespace TfLiteMicro.DocsGen;

/// <summary>
/// Usage: docs-gen [models|ops|compression ...] [--check]   (run anywhere inside the repository; default: all)
/// Regenerates the named tables of docs/ from tests/data and stamps them with the commit and this machine; with
/// --check, writes nothing and exits 1 naming each table whose committed figures differ.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        bool check = false;
        var tables = new List<DocsTable>();
        foreach (string arg in args)
        {
            if (arg == "--check") { check = true; continue; }
            DocsTable? table = Array.Find(DocsTables.All, t => t.Name == arg);
            if (table == null)
            {
                Console.Error.WriteLine("docs-gen: unknown table '" + arg + "'; the tables are: "
                    + string.Join(", ", Array.ConvertAll(DocsTables.All, t => t.Name)) + " (and --check)");
                return 2;
            }
            tables.Add(table);
        }
        if (tables.Count == 0) tables.AddRange(DocsTables.All);

        string? root = FindRepositoryRoot(Directory.GetCurrentDirectory());
        if (root == null)
        {
            Console.Error.WriteLine("docs-gen: run it inside the repository (no TfLiteMicro.sln above " + Directory.GetCurrentDirectory() + ")");
            return 2;
        }

        int stale = 0;
        foreach (DocsTable table in tables)
        {
            string generated = table.Make(root, Console.Error);
            string path = table.PathIn(root);
            string committed = File.Exists(path) ? File.ReadAllText(path) : "";
            bool current = DocsTables.IsCurrent(committed, generated);
            if (check)
            {
                Console.WriteLine(table.RelativePath + (current ? ": current" : ": STALE (run `dotnet run --project tools/docs-gen -- " + table.Name + "`)"));
                if (!current) stale++;
                continue;
            }
            if (current)
            {
                Console.WriteLine(table.RelativePath + ": unchanged (" + table.Description + ")");
                continue;   // same figures: keep the stamp of the run that produced them
            }
            File.WriteAllText(path, generated);
            Console.WriteLine(table.RelativePath + ": written (" + table.Description + ")");
        }
        return stale == 0 ? 0 : 1;
    }

    private static string? FindRepositoryRoot(string directory)
    {
        for (DirectoryInfo? d = new DirectoryInfo(directory); d != null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "TfLiteMicro.sln"))) return d.FullName;
        }
        return null;
    }
}
