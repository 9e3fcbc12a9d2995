using System;

namespace TfLiteMicro.Fuzz;

/// <summary>
/// A small deterministic generator (SplitMix64): the same campaign seed and mutant index give the same mutant on
/// every machine and .NET version, which <see cref="System.Random"/> does not promise.
/// </summary>
public sealed class FuzzRandom
{
    private ulong state;

    public FuzzRandom(ulong seed)
    {
        state = seed;
    }

    /// <summary>The generator of mutant <paramref name="index"/> of campaign <paramref name="campaignSeed"/>.</summary>
    public static FuzzRandom ForMutant(ulong campaignSeed, long index) =>
        new FuzzRandom(Mix(campaignSeed * 0x9E3779B97F4A7C15UL + (ulong)index * 0xD1B54A32D192ED03UL + 1));

    public ulong NextUInt64()
    {
        state += 0x9E3779B97F4A7C15UL;
        return Mix(state);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, <paramref name="bound"/>); 0 when the bound is not positive.</summary>
    public int Next(int bound) => bound <= 0 ? 0 : (int)(NextUInt64() % (ulong)bound);

    /// <summary>Uniform in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public int Between(int min, int max) => min + Next(max - min + 1);

    /// <summary>True with probability <paramref name="numerator"/>/<paramref name="denominator"/>.</summary>
    public bool Chance(int numerator, int denominator) => Next(denominator) < numerator;

    public T Pick<T>(ReadOnlySpan<T> items) => items[Next(items.Length)];

    public void Fill(Span<byte> bytes)
    {
        int i = 0;
        while (i < bytes.Length)
        {
            ulong word = NextUInt64();
            for (int b = 0; b < 8 && i < bytes.Length; b++, i++) bytes[i] = (byte)(word >> (8 * b));
        }
    }
}
