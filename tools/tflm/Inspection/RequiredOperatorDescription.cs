namespace TfLiteMicro.Tools.Inspection;

public sealed class RequiredOperatorDescription
{
    public const string SupportedStatus = "supported";
    public const string NotRegisteredStatus = "not registered";

    public required string Op { get; init; }
    public required bool IsCustom { get; init; }

    /// <summary>How many operators of the model use it.</summary>
    public required int Uses { get; init; }

    /// <summary><see cref="SupportedStatus"/> or <see cref="NotRegisteredStatus"/>.</summary>
    public required string Status { get; init; }
}
