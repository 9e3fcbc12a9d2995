using System.Globalization;

namespace TfLiteMicro.Examples.PersonDetection;

/// <summary>The model's two int8 scores for one image and what they decide.</summary>
public readonly struct Detection
{
    public Detection(sbyte personScore, sbyte noPersonScore, float scale, int zeroPoint)
    {
        PersonScore = personScore;
        NoPersonScore = noPersonScore;
        PersonProbability = (personScore - zeroPoint) * scale;
        NoPersonProbability = (noPersonScore - zeroPoint) * scale;
    }

    public sbyte PersonScore { get; }

    public sbyte NoPersonScore { get; }

    public float PersonProbability { get; }

    public float NoPersonProbability { get; }

    /// <summary>TFLM's test decides by comparing the two raw scores.</summary>
    public bool IsPerson => PersonScore > NoPersonScore;

    public override string ToString() =>
        (IsPerson ? "person" : "no person") + " (person " + PersonProbability.ToString("F3", CultureInfo.InvariantCulture)
        + ", no person " + NoPersonProbability.ToString("F3", CultureInfo.InvariantCulture) + ")";
}
