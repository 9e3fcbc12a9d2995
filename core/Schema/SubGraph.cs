namespace TfLiteMicro.Schema;

/// <summary>A subgraph: tensors, operators in execution order, and its input/output tensor indices.</summary>
public readonly unsafe struct SubGraph
{
    private readonly Table table;
    private readonly byte* modelData;
    private readonly int modelLength;

    internal SubGraph(Table table, byte* modelData, int modelLength)
    {
        this.table = table;
        this.modelData = modelData;
        this.modelLength = modelLength;
    }

    public bool IsPresent => table.IsPresent;

    public int TensorCount => table.GetTableVector(SchemaFieldIds.SubGraph.Tensors).Count;

    /// <summary>Tensor <paramref name="index"/>; an absent tensor (all defaults) when out of range.</summary>
    public Tensor GetTensor(int index) => new Tensor(table.GetTableVector(SchemaFieldIds.SubGraph.Tensors)[index]);

    /// <summary>Indices of the subgraph's input tensors (verified in [-1, <see cref="TensorCount"/>)).</summary>
    public IntVector Inputs => table.GetIntVector(SchemaFieldIds.SubGraph.Inputs);

    public IntVector Outputs => table.GetIntVector(SchemaFieldIds.SubGraph.Outputs);

    public int OperatorCount => table.GetTableVector(SchemaFieldIds.SubGraph.Operators).Count;

    /// <summary>Operator <paramref name="index"/>; an absent operator when out of range.</summary>
    public Operator GetOperator(int index) =>
        new Operator(table.GetTableVector(SchemaFieldIds.SubGraph.Operators)[index], modelData, modelLength);

    public Utf8Span Name => table.GetString(SchemaFieldIds.SubGraph.Name);

    /// <summary>The underlying table, for fields not exposed above.</summary>
    public Table Table => table;
}
