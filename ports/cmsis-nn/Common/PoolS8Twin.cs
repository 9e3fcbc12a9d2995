using TfLiteMicro.Kernels.Reference;

namespace TfLiteMicro.Ports.CmsisNn;

/// <summary>
/// C# twins of <c>tflm_cmsisnn_average_pool_s8</c> and <c>tflm_cmsisnn_max_pool_s8</c>
/// (<see cref="Microkernels.AveragePoolS8"/>, <see cref="Microkernels.MaxPoolS8"/>).
/// </summary>
internal static unsafe class PoolS8Twin
{
    public static void Average(PoolParameters* pool, sbyte* input, int rows, int cols, sbyte* output)
    {
        int count = rows * cols;
        for (int c = 0; c < pool->Depth; c++)
        {
            int sum = 0;
            for (int r = 0; r < rows; r++)
            {
                for (int x = 0; x < cols; x++) sum += input[r * pool->RowStride + x * pool->Depth + c];
            }
            output[c] = (sbyte)ActivationMath.Clamp(PoolingMath.RoundedAverage(sum, count), pool->ActivationMin, pool->ActivationMax);
        }
    }

    public static void Max(PoolParameters* pool, sbyte* input, int rows, int cols, sbyte* output)
    {
        for (int c = 0; c < pool->Depth; c++)
        {
            int max = sbyte.MinValue;
            for (int r = 0; r < rows; r++)
            {
                for (int x = 0; x < cols; x++)
                {
                    int value = input[r * pool->RowStride + x * pool->Depth + c];
                    if (value > max) max = value;
                }
            }
            output[c] = (sbyte)ActivationMath.Clamp(max, pool->ActivationMin, pool->ActivationMax);
        }
    }
}
