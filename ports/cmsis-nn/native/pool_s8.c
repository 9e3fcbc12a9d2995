/*
 * tflm_cmsisnn_average_pool_s8 and tflm_cmsisnn_max_pool_s8 (see the header). Four channels per pass: the average
 * sums with SXTAB16 into two pairs of 16-bit lanes (exact while the window has at most 256 pixels: |sum| <= 32768;
 * larger windows sum in 32 bits), the maximum with SSUB8 + SEL over four bytes at once, as CMSIS-NN's arm_avgpool_s8
 * and arm_max_pool_s8 take channels in parallel. The average divides with the hardware SDIV and rounds half away
 * from zero, as TFLM's reference does.
 */
#include "cmsis_nn_microkernels.h"
#include "cmsis_nn_math.h"

TFLM_INLINE int32_t rounded_average(int32_t sum, int32_t count)
{
    return sum > 0 ? (sum + count / 2) / count : (sum - count / 2) / count;
}

TFLM_INLINE int32_t clamp(int32_t v, int32_t min, int32_t max)
{
    if (v < min) v = min;
    if (v > max) v = max;
    return v;
}

void tflm_cmsisnn_average_pool_s8(const tflm_cmsisnn_pool *pool, const int8_t *input, int32_t rows, int32_t cols,
                                  int8_t *out)
{
    const int32_t depth = pool->depth;
    const int32_t row_step = pool->row_stride;
    const int32_t count = rows * cols;
    const int32_t min = pool->activation_min;
    const int32_t max = pool->activation_max;
    int32_t c = 0;
    if (count <= 256)
    {
        for (; c + 4 <= depth; c += 4)
        {
            uint32_t even = 0, odd = 0; /* halfword lanes: channels 0 and 2, channels 1 and 3 */
            const int8_t *row = input + c;
            for (int32_t r = 0; r < rows; r++, row += row_step)
            {
                const int8_t *p = row;
                for (int32_t x = 0; x < cols; x++, p += depth)
                {
                    const uint32_t v = tflm_read_u32(p);
                    even = __sxtab16(even, v);
                    odd = (uint32_t)tflm_sxtab16_ror8(odd, v);
                }
            }
            out[c] = (int8_t)clamp(rounded_average((int16_t)even, count), min, max);
            out[c + 1] = (int8_t)clamp(rounded_average((int16_t)odd, count), min, max);
            out[c + 2] = (int8_t)clamp(rounded_average((int16_t)(even >> 16), count), min, max);
            out[c + 3] = (int8_t)clamp(rounded_average((int16_t)(odd >> 16), count), min, max);
        }
    }
    for (; c < depth; c++)
    {
        int32_t sum = 0;
        const int8_t *row = input + c;
        for (int32_t r = 0; r < rows; r++, row += row_step)
        {
            for (int32_t x = 0; x < cols; x++) sum += row[x * depth];
        }
        out[c] = (int8_t)clamp(rounded_average(sum, count), min, max);
    }
}

void tflm_cmsisnn_max_pool_s8(const tflm_cmsisnn_pool *pool, const int8_t *input, int32_t rows, int32_t cols,
                              int8_t *out)
{
    const int32_t depth = pool->depth;
    const int32_t row_step = pool->row_stride;
    const int32_t min = pool->activation_min;
    const int32_t max = pool->activation_max;
    int32_t c = 0;
    for (; c + 4 <= depth; c += 4)
    {
        uint32_t best = 0x80808080u;
        const int8_t *row = input + c;
        for (int32_t r = 0; r < rows; r++, row += row_step)
        {
            const int8_t *p = row;
            for (int32_t x = 0; x < cols; x++, p += depth)
            {
                const uint32_t v = tflm_read_u32(p);
                __ssub8(v, best);
                best = __sel(v, best);
            }
        }
        for (int32_t i = 0; i < 4; i++) out[c + i] = (int8_t)clamp((int8_t)(best >> (8 * i)), min, max);
    }
    for (; c < depth; c++)
    {
        int32_t best = -128;
        const int8_t *row = input + c;
        for (int32_t r = 0; r < rows; r++, row += row_step)
        {
            for (int32_t x = 0; x < cols; x++)
            {
                if (row[x * depth] > best) best = row[x * depth];
            }
        }
        out[c] = (int8_t)clamp(best, min, max);
    }
}
