using System.Globalization;
using System.Text;

namespace TfLiteMicro.Examples.MicroSpeech;

/// <summary>The category probabilities for one clip and the winning label.</summary>
public sealed class Recognition
{
    public Recognition(sbyte[] scores, float scale, int zeroPoint)
    {
        Scores = scores;
        float[] probabilities = new float[scores.Length];
        for (int i = 0; i < scores.Length; i++) probabilities[i] = (scores[i] - zeroPoint) * scale;
        Probabilities = probabilities;
        int best = 0;
        for (int i = 1; i < probabilities.Length; i++)
        {
            if (probabilities[i] > probabilities[best]) best = i;   // first maximum wins, like std::max_element
        }
        TopIndex = best;
    }

    /// <summary>The model's raw int8 output, in <see cref="SpeechRecognizer.Labels"/> order.</summary>
    public sbyte[] Scores { get; }

    /// <summary>The dequantized softmax output, in <see cref="SpeechRecognizer.Labels"/> order.</summary>
    public float[] Probabilities { get; }

    public int TopIndex { get; }

    public string Label => SpeechRecognizer.Labels[TopIndex];

    public override string ToString()
    {
        var text = new StringBuilder(Label).Append(" (");
        for (int i = 0; i < Probabilities.Length; i++)
        {
            if (i > 0) text.Append(", ");
            text.Append(SpeechRecognizer.Labels[i]).Append(' ').Append(Probabilities[i].ToString("F3", CultureInfo.InvariantCulture));
        }
        return text.Append(')').ToString();
    }
}
