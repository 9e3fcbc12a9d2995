/* tflm_cmsisnn_conv_block_s8_s16: one output channel at a time against four widened columns (see the header). */
#include "cmsis_nn_microkernels.h"
#include "cmsis_nn_math.h"

/* The last 1-3 weights of a row as a word with zeros above (they meet the zero padding of the columns). */
TFLM_INLINE uint32_t tail_word(const int8_t *w, int32_t tail)
{
    uint32_t v = (uint8_t)w[0];
    if (tail > 1) v |= (uint32_t)(uint8_t)w[1] << 8;
    if (tail > 2) v |= (uint32_t)(uint8_t)w[2] << 16;
    return v;
}

/*
 * One group of four weights against the same group of the four columns: 16 multiply-accumulates in 2 SXTB16, 2 LDM
 * and 8 SMLAD. The column words are fixed to r8-r11 so that one LDM loads a whole pair of columns.
 */
#define TFLM_GROUP_MACS(w_expr)                                                                   \
    do {                                                                                          \
        uint32_t v_ = (w_expr);                                                                   \
        int32_t lo_ = __sxtb16(v_);                                                               \
        int32_t hi_ = tflm_sxtb16_ror8(v_);                                                       \
        __asm__("ldm %[c]!, {r8, r9, r10, r11}\n\t"                                               \
                "smlad %[a0], %[lo], r8, %[a0]\n\t"                                               \
                "smlad %[a0], %[hi], r9, %[a0]\n\t"                                               \
                "smlad %[a1], %[lo], r10, %[a1]\n\t"                                              \
                "smlad %[a1], %[hi], r11, %[a1]\n\t"                                              \
                "ldm %[c]!, {r8, r9, r10, r11}\n\t"                                               \
                "smlad %[a2], %[lo], r8, %[a2]\n\t"                                               \
                "smlad %[a2], %[hi], r9, %[a2]\n\t"                                               \
                "smlad %[a3], %[lo], r10, %[a3]\n\t"                                              \
                "smlad %[a3], %[hi], r11, %[a3]"                                                  \
                : [a0] "+r"(a0), [a1] "+r"(a1), [a2] "+r"(a2), [a3] "+r"(a3), [c] "+r"(c)       \
                : [lo] "r"(lo_), [hi] "r"(hi_)                                                    \
                : "r8", "r9", "r10", "r11", "memory");                                            \
    } while (0)

void tflm_cmsisnn_conv_block_s8_s16(const tflm_cmsisnn_gemm *gemm, const int16_t *columns, int8_t *out,
                                    int32_t column_count)
{
    const int8_t *w = gemm->weights;
    const int32_t groups = gemm->depth >> 2;
    const int32_t tail = gemm->depth & 3;
    const int32_t stride = gemm->output_stride;
    const int32_t offset = gemm->output_offset;
    const int32_t min = gemm->activation_min;
    const int32_t max = gemm->activation_max;
    const int32_t *bias = gemm->bias;
    const int32_t *multiplier = gemm->multiplier;
    const int32_t *shift = gemm->shift;
    const int32_t step = gemm->quant_step;
    int8_t *const end = out + gemm->rows;

    for (; out < end; out++)
    {
        const int32_t b = bias != NULL ? *bias++ : 0;
        int32_t a0 = b, a1 = b, a2 = b, a3 = b;
        const int16_t *c = columns;
        int32_t g = groups;
        for (; g >= 2; g -= 2)
        {
            TFLM_GROUP_MACS(tflm_read_u32(w));
            TFLM_GROUP_MACS(tflm_read_u32(w + 4));
            w += 8;
        }
        if (g != 0)
        {
            TFLM_GROUP_MACS(tflm_read_u32(w));
            w += 4;
        }
        if (tail != 0)
        {
            TFLM_GROUP_MACS(tail_word(w, tail));
            w += tail;
        }

        const int32_t m = *multiplier;
        const int32_t s = *shift;
        multiplier += step;
        shift += step;
        out[0] = (int8_t)tflm_clamp_s8(tflm_requantize(a0, m, s) + offset, min, max);
        if (column_count > 1) out[stride] = (int8_t)tflm_clamp_s8(tflm_requantize(a1, m, s) + offset, min, max);
        if (column_count > 2) out[2 * stride] = (int8_t)tflm_clamp_s8(tflm_requantize(a2, m, s) + offset, min, max);
        if (column_count > 3) out[3 * stride] = (int8_t)tflm_clamp_s8(tflm_requantize(a3, m, s) + offset, min, max);
    }
}
