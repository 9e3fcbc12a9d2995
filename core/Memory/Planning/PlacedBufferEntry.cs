namespace TfLiteMicro.Memory;

/// <summary>
/// One placed buffer in the greedy planner's singly linked list ordered by offset (TFLM's ListEntry). Links are
/// indices into the same workspace array, -1 ends the list.
/// </summary>
internal struct PlacedBufferEntry
{
    public int Offset;
    public int RequirementsIndex;
    public int NextEntryIndex;
}
