namespace TfLiteMicro.BareMetal.BuildCheck;

/// <summary>
/// Known float64 uses (and one float-only method) compiled into this test assembly, so the scanner can be
/// shown to find them. Never called.
/// </summary>
internal static class DoubleFixture
{
    public static double TakesAndReturnsDouble(double x) => x;

    public static float MultipliesInDouble(float x) => (float)(x * 0.5);

    public static float ConvertsUnsigned(uint x) => x;

    public static float FloatOnly(float x, int y) => x * 0.5f + y;
}
