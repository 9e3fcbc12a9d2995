using System.Text.Json.Serialization;

namespace TfLiteMicro.Tools.Inspection;

/// <summary>Source-generated JSON serialization of <see cref="ModelDescription"/> (snake_case, indented).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(ModelDescription))]
internal sealed partial class InspectionJsonContext : JsonSerializerContext
{
}
