/* tflm_cmsisnn_vector_matrix_s8_s16: two weight rows at a time against one widened vector (see the header). */
#include "cmsis_nn_microkernels.h"
#include "cmsis_nn_math.h"

TFLM_INLINE uint32_t tail_word(const int8_t *w, int32_t tail)
{
    uint32_t v = (uint8_t)w[0];
    if (tail > 1) v |= (uint32_t)(uint8_t)w[1] << 8;
    if (tail > 2) v |= (uint32_t)(uint8_t)w[2] << 16;
    return v;
}

TFLM_INLINE int32_t dot_group(uint32_t w, uint32_t x_lo, uint32_t x_hi, int32_t acc)
{
    acc = __smlad(__sxtb16(w), x_lo, acc);
    return __smlad(tflm_sxtb16_ror8(w), x_hi, acc);
}

void tflm_cmsisnn_vector_matrix_s8_s16(const tflm_cmsisnn_gemm *gemm, const int16_t *vector, int8_t *out)
{
    const int32_t depth = gemm->depth;
    const int32_t groups = depth >> 2;
    const int32_t tail = depth & 3;
    const int32_t offset = gemm->output_offset;
    const int32_t min = gemm->activation_min;
    const int32_t max = gemm->activation_max;
    const int32_t *bias = gemm->bias;
    const int32_t *multiplier = gemm->multiplier;
    const int32_t *shift = gemm->shift;
    const int32_t step = gemm->quant_step;
    const int8_t *w0 = gemm->weights;
    int32_t rows = gemm->rows;

    for (; rows >= 2; rows -= 2)
    {
        const int8_t *w1 = w0 + depth;
        int32_t a0 = 0, a1 = 0;
        if (bias != NULL)
        {
            a0 = bias[0];
            a1 = bias[1];
            bias += 2;
        }
        const uint32_t *x = (const uint32_t *)vector;
        for (int32_t g = groups; g > 0; g--)
        {
            const uint32_t x_lo = x[0];
            const uint32_t x_hi = x[1];
            x += 2;
            a0 = dot_group(tflm_read_u32(w0), x_lo, x_hi, a0);
            a1 = dot_group(tflm_read_u32(w1), x_lo, x_hi, a1);
            w0 += 4;
            w1 += 4;
        }
        if (tail != 0)
        {
            a0 = dot_group(tail_word(w0, tail), x[0], x[1], a0);
            a1 = dot_group(tail_word(w1, tail), x[0], x[1], a1);
        }
        w0 = w1 + tail;
        out[0] = (int8_t)tflm_clamp_s8(tflm_requantize(a0, multiplier[0], shift[0]) + offset, min, max);
        multiplier += step;
        shift += step;
        out[1] = (int8_t)tflm_clamp_s8(tflm_requantize(a1, multiplier[0], shift[0]) + offset, min, max);
        multiplier += step;
        shift += step;
        out += 2;
    }
    if (rows != 0)
    {
        int32_t a0 = bias != NULL ? bias[0] : 0;
        const uint32_t *x = (const uint32_t *)vector;
        for (int32_t g = groups; g > 0; g--)
        {
            a0 = dot_group(tflm_read_u32(w0), x[0], x[1], a0);
            x += 2;
            w0 += 4;
        }
        if (tail != 0) a0 = dot_group(tail_word(w0, tail), x[0], x[1], a0);
        out[0] = (int8_t)tflm_clamp_s8(tflm_requantize(a0, multiplier[0], shift[0]) + offset, min, max);
    }
}
