using System.Text;
using TfLiteMicro.Schema;

namespace TfLiteMicro.Tools.Models;

/// <summary>Strings stored in a model (names, custom op codes) as .NET strings.</summary>
public static class ModelText
{
    public static string ToText(Utf8Span text) => Encoding.UTF8.GetString(text.Bytes);

    /// <summary>The operator's name as TFLM prints it: "FULLY_CONNECTED", or the custom code ("ethos-u").</summary>
    public static string OperatorName(OperatorCode code) =>
        code.BuiltinCode == BuiltinOperator.CUSTOM ? ToText(code.CustomCode) : BuiltinOperators.NameText(code.BuiltinCode);
}
