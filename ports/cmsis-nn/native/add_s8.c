/*
 * tflm_cmsisnn_add_s8 and tflm_cmsisnn_rescale_table_s8 (see the header). The arithmetic is TFLM's (as CMSIS-NN's
 * arm_elementwise_add_s8): each input is offset, shifted left, rescaled (doubling high multiply, rounding shift);
 * the sum is rescaled to the output, offset and clamped. A rescaled input depends on its byte only, so for large
 * tensors the caller first tabulates both inputs' 256 rescaled values and each element then costs two loads.
 */
#include "cmsis_nn_microkernels.h"
#include "cmsis_nn_math.h"

/* MultiplyByQuantizedMultiplierSmallerThanOneExp: shift <= 0. */
TFLM_INLINE int32_t rescale_down(int32_t x, int32_t multiplier, int32_t shift)
{
    x = tflm_doubling_high_mul(x, multiplier);
    return shift < 0 ? tflm_rounding_shift_right(x, -shift) : x;
}

void tflm_cmsisnn_rescale_table_s8(int32_t *table, int32_t offset, int32_t left_shift, int32_t multiplier,
                                   int32_t shift)
{
    for (int32_t v = -128; v < 128; v++)
    {
        *table++ = rescale_down((int32_t)((uint32_t)(v + offset) << left_shift), multiplier, shift);
    }
}

/* Offset, saturate to int8, clamp. */
TFLM_INLINE int32_t finish(int32_t sum, const tflm_cmsisnn_add *add)
{
    return tflm_clamp_s8(rescale_down(sum, add->output_multiplier, add->output_shift) + add->output_offset,
                         add->activation_min, add->activation_max);
}

void tflm_cmsisnn_add_s8(const tflm_cmsisnn_add *add, const int8_t *input1, const int8_t *input2, int8_t *out,
                         int32_t count)
{
    const int32_t step1 = add->input1_step;
    const int32_t step2 = add->input2_step;
    if (add->table1 != NULL && add->table2 != NULL)
    {
        const int32_t *t1 = add->table1 + 128;
        const int32_t *t2 = add->table2 + 128;
        const int32_t m = add->output_multiplier;
        const int32_t offset = add->output_offset;
        const int32_t min = add->activation_min;
        const int32_t max = add->activation_max;
        if (add->output_shift < 0 && step1 == 1 && step2 == 1)
        {
            /* The common case, with the output shift known to be a right shift. */
            const int32_t right = -add->output_shift;
            int8_t *const end = out + count;
            while (out < end)
            {
                const int32_t sum = t1[*input1++] + t2[*input2++];
                *out++ = (int8_t)tflm_clamp_s8(
                    tflm_rounding_shift_right(tflm_doubling_high_mul(sum, m), right) + offset, min, max);
            }
            return;
        }
        for (int32_t i = 0; i < count; i++, input1 += step1, input2 += step2)
        {
            out[i] = (int8_t)finish(t1[*input1] + t2[*input2], add);
        }
        return;
    }
    const int32_t left_shift = add->left_shift;
    for (int32_t i = 0; i < count; i++, input1 += step1, input2 += step2)
    {
        const int32_t scaled1 = rescale_down((int32_t)((uint32_t)(*input1 + add->input1_offset) << left_shift),
                                             add->input1_multiplier, add->input1_shift);
        const int32_t scaled2 = rescale_down((int32_t)((uint32_t)(*input2 + add->input2_offset) << left_shift),
                                             add->input2_multiplier, add->input2_shift);
        out[i] = (int8_t)finish(scaled1 + scaled2, add);
    }
}
