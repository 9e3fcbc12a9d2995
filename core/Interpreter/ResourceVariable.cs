namespace TfLiteMicro;

/// <summary>
/// One resource variable (TFLM's MicroResourceVariable), kept in the arena's tail. The names point into the model
/// (VAR_HANDLE's options); the buffer is allocated by the first ASSIGN_VARIABLE that prepares for it.
/// </summary>
internal unsafe struct ResourceVariable
{
    /// <summary>Container name bytes, or null when the VAR_HANDLE left it out.</summary>
    public byte* Container;
    public int ContainerLength;
    public byte* SharedName;
    public int SharedNameLength;
    public byte* Buffer;
    public int Bytes;

    /// <summary>The byte the buffer is filled with on allocation and by Reset (the value's int8 zero point, or 0).</summary>
    public byte DefaultValue;
}
