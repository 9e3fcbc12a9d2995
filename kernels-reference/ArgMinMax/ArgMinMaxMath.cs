namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// The search of TFLM's reference/arg_min_max.h: start from the first element of the line and replace it only
/// when a later one compares strictly greater (ARG_MAX) or less (ARG_MIN).
/// </summary>
public static unsafe class ArgMinMaxMath
{
    /// <summary>Index along the axis of the best value of the line (outer, inner) of a float tensor.</summary>
    public static int BestFloat(float* data, int outer, int axisSize, int innerSize, int inner, bool isMax)
    {
        long start = (long)outer * axisSize * innerSize + inner;
        float best = data[start];
        int bestIndex = 0;
        for (int k = 1; k < axisSize; k++)
        {
            float value = data[start + (long)k * innerSize];
            if (isMax ? value > best : value < best)
            {
                best = value;
                bestIndex = k;
            }
        }
        return bestIndex;
    }

    /// <summary>Same for int8, int16 and int32 data.</summary>
    public static int BestInteger(void* data, TensorType type, int outer, int axisSize, int innerSize, int inner, bool isMax)
    {
        int start = outer * axisSize * innerSize + inner;
        long best = ShapeChecks.ReadInteger(data, type, start);
        int bestIndex = 0;
        for (int k = 1; k < axisSize; k++)
        {
            long value = ShapeChecks.ReadInteger(data, type, start + k * innerSize);
            if (isMax ? value > best : value < best)
            {
                best = value;
                bestIndex = k;
            }
        }
        return bestIndex;
    }
}
