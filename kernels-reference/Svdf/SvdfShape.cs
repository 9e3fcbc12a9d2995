namespace TfLiteMicro.Kernels.Reference;

/// <summary>The sizes of one SVDF node: filters = units × rank; the state holds memorySize values per filter and batch.</summary>
public readonly struct SvdfShape
{
    public SvdfShape(int batches, int inputSize, int filters, int units, int rank, int memorySize)
    {
        Batches = batches;
        InputSize = inputSize;
        Filters = filters;
        Units = units;
        Rank = rank;
        MemorySize = memorySize;
    }

    public int Batches { get; }
    public int InputSize { get; }
    public int Filters { get; }
    public int Units { get; }
    public int Rank { get; }
    public int MemorySize { get; }
}
