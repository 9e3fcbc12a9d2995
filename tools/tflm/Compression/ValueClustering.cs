using System;
using System.Collections.Generic;

namespace TfLiteMicro.Tools.Compression;

/// <summary>
/// Reduces one channel's values to at most <c>clusters</c> representatives (one-dimensional k-means, started from
/// evenly spaced quantiles, a fixed number of rounds: deterministic), so weights with up to 256 distinct int8
/// values compress to a few index bits. This changes the model's numbers: the compressed model is then equal to
/// the clustered one, not to the original. Integer representatives are rounded and clamped to their type.
/// </summary>
public static class ValueClustering
{
    private const int Rounds = 20;

    /// <summary>Returns the clustered values (same order); values already within the limit come back unchanged.</summary>
    public static double[] Cluster(ReadOnlySpan<double> values, int clusters, bool integer, double min, double max)
    {
        double[] result = values.ToArray();
        var distinct = new SortedDictionary<double, int>();
        foreach (double v in values) distinct[v] = distinct.TryGetValue(v, out int n) ? n + 1 : 1;
        if (distinct.Count <= clusters) return result;

        double[] sorted = values.ToArray();
        Array.Sort(sorted);
        double[] centroids = new double[clusters];
        for (int c = 0; c < clusters; c++) centroids[c] = sorted[(int)((long)c * (sorted.Length - 1) / (clusters - 1))];

        var uniqueValues = new List<double>(distinct.Keys);
        var counts = new List<int>(distinct.Values);
        for (int round = 0; round < Rounds; round++)
        {
            double[] sums = new double[clusters];
            long[] weights = new long[clusters];
            for (int i = 0; i < uniqueValues.Count; i++)
            {
                int nearest = Nearest(centroids, uniqueValues[i]);
                sums[nearest] += uniqueValues[i] * counts[i];
                weights[nearest] += counts[i];
            }
            for (int c = 0; c < clusters; c++)
            {
                if (weights[c] > 0) centroids[c] = sums[c] / weights[c];
            }
        }
        for (int c = 0; c < clusters; c++)
        {
            double centroid = integer ? Math.Round(centroids[c], MidpointRounding.AwayFromZero) : (float)centroids[c];
            centroids[c] = Math.Clamp(centroid, min, max);
        }
        for (int i = 0; i < result.Length; i++) result[i] = centroids[Nearest(centroids, result[i])];
        return result;
    }

    private static int Nearest(double[] centroids, double value)
    {
        int best = 0;
        for (int c = 1; c < centroids.Length; c++)
        {
            if (Math.Abs(centroids[c] - value) < Math.Abs(centroids[best] - value)) best = c;
        }
        return best;
    }
}
