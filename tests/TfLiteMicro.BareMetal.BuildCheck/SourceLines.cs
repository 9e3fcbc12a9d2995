using System;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace TfLiteMicro.BareMetal.BuildCheck;

/// <summary>Maps an IL offset of a method to file:line through the assembly's portable PDB, when there is one.</summary>
internal sealed class SourceLines : IDisposable
{
    private readonly MetadataReaderProvider? pdbProvider;
    private readonly MetadataReader? pdb;

    public SourceLines(string assemblyPath)
    {
        string pdbPath = Path.ChangeExtension(assemblyPath, ".pdb");
        if (!File.Exists(pdbPath)) return;
        pdbProvider = MetadataReaderProvider.FromPortablePdbStream(File.OpenRead(pdbPath));
        pdb = pdbProvider.GetMetadataReader();
    }

    public string Describe(MethodDefinitionHandle method, int ilOffset)
    {
        if (pdb is not null && ilOffset >= 0)
        {
            SequencePoint? best = null;
            MethodDebugInformation info = pdb.GetMethodDebugInformation(method.ToDebugInformationHandle());
            foreach (SequencePoint point in info.GetSequencePoints())
            {
                if (point.IsHidden || point.Offset > ilOffset) continue;
                if (best is null || point.Offset >= best.Value.Offset) best = point;
            }
            if (best is not null)
            {
                string file = pdb.GetString(pdb.GetDocument(best.Value.Document).Name);
                return file + ":" + best.Value.StartLine;
            }
        }
        return ilOffset >= 0 ? "IL_" + ilOffset.ToString("X4") : "(declaration)";
    }

    public string Describe(MethodDefinitionHandle method) => Describe(method, FirstLineOffset);

    // Offset 0 finds the method's first sequence point, i.e. its declaration line.
    private const int FirstLineOffset = 0;

    public void Dispose() => pdbProvider?.Dispose();
}
