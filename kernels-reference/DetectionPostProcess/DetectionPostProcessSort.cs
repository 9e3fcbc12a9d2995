namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// The two index sorts of TFLM's detection_postprocess.cc, in place over arena scratch (no allocation).
/// </summary>
public static unsafe class DetectionPostProcessSort
{
    /// <summary>TFLM switches from merging to insertion sort below this many elements.</summary>
    private const int InsertionThreshold = 20;

    /// <summary>
    /// <c>DecreasingArgSort</c>: indices 0..count-1 ordered by decreasing value, equal values keeping their index
    /// order (a stable merge sort; <paramref name="scratch"/> holds count ints).
    /// </summary>
    public static void StableDecreasing(float* values, int count, int* indices, int* scratch)
    {
        for (int i = 0; i < count; i++) indices[i] = i;
        MergeSort(values, indices, scratch, count);
    }

    private static void MergeSort(float* values, int* indices, int* scratch, int count)
    {
        if (count < InsertionThreshold)
        {
            InsertionSort(values, indices, count);
            return;
        }
        int half = count / 2;
        MergeSort(values, indices, scratch, half);
        MergeSort(values, indices + half, scratch, count - half);
        int left = 0;
        int right = half;
        for (int i = 0; i < count; i++)
        {
            // Take from the right run only when strictly greater, so equal values stay in order.
            if (left >= half || (right < count && values[indices[right]] > values[indices[left]])) scratch[i] = indices[right++];
            else scratch[i] = indices[left++];
        }
        for (int i = 0; i < count; i++) indices[i] = scratch[i];
    }

    private static void InsertionSort(float* values, int* indices, int count)
    {
        for (int i = 1; i < count; i++)
        {
            int moving = indices[i];
            float value = values[moving];
            int j = i;
            // Insert after every element that is not smaller (upper bound), keeping equal values in order.
            while (j > 0 && value > values[indices[j - 1]])
            {
                indices[j] = indices[j - 1];
                j--;
            }
            indices[j] = moving;
        }
    }

    /// <summary>
    /// <c>DecreasingPartialArgSort</c>: the first <paramref name="sortCount"/> of the indices 0..count-1 in the
    /// order (decreasing value, then increasing index); the order of the rest is unspecified. The order is total,
    /// so the result equals std::partial_sort's.
    /// </summary>
    public static void PartialDecreasing(float* values, int count, int sortCount, int* indices)
    {
        for (int i = 0; i < count; i++) indices[i] = i;
        for (int i = 0; i < sortCount; i++)
        {
            int best = i;
            for (int j = i + 1; j < count; j++)
            {
                if (Before(values, indices[j], indices[best])) best = j;
            }
            int swap = indices[i];
            indices[i] = indices[best];
            indices[best] = swap;
        }
    }

    private static bool Before(float* values, int a, int b) => values[a] > values[b] || (values[a] == values[b] && a < b);
}
