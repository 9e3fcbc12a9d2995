namespace TfLiteMicro.Tools.Inspection;

public sealed class RequiredOperatorDescription
{
    public const string SupportedStatus = "supported";
    public const string NotRegisteredStatus = "not registered";
    public const string RejectedStatus = "refused by its kernel on some nodes (see the operator list)";

    public required string Op { get; init; }
    public required bool IsCustom { get; init; }

    /// <summary>How many operators of the model use it.</summary>
    public required int Uses { get; init; }

    /// <summary><see cref="SupportedStatus"/>, <see cref="NotRegisteredStatus"/> or <see cref="RejectedStatus"/>.</summary>
    public required string Status { get; init; }
}
