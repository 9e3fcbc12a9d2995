/*
 * tflm_cmsisnn_depthwise_row_s8 (see the header). Channels are taken four at a time, outermost: the four channels'
 * weights of every filter tap are sign-extended once (SXTB16) onto the stack, and each output pixel then costs, per
 * tap, one load of four input bytes, two SXTAB16 (which also add the input offset) and four 16x16 multiply-
 * accumulates (SMLABB / SMLATT), as CMSIS-NN's arm_depthwise_conv_3x3_s8 does per tap. The four results are
 * requantized, saturated, packed and clamped together (SSUB8 + SEL) and stored as one word.
 */
#include "cmsis_nn_microkernels.h"
#include "cmsis_nn_math.h"

typedef struct expanded_tap {
    int32_t lo; /* channels 0 and 2 */
    int32_t hi; /* channels 1 and 3 */
} expanded_tap;

/* Clamps four packed int8 to [min, max] per byte: max with SSUB8 + SEL, then min. */
TFLM_INLINE uint32_t clamp_bytes(uint32_t v, uint32_t min4, uint32_t max4)
{
    __ssub8(v, min4);
    v = __sel(v, min4);
    __ssub8(v, max4);
    return __sel(max4, v);
}

TFLM_INLINE int32_t requantize_s8(int32_t acc, int32_t m, int32_t s, int32_t offset)
{
    return __ssat(tflm_requantize(acc, m, s) + offset, 8);
}

/* One channel, any tap range: the tail channels and nothing hot. */
static int32_t single_channel(const tflm_cmsisnn_depthwise *dw, const int8_t *input, const int8_t *weights,
                              int32_t filter_rows, int32_t x_origin, int32_t acc)
{
    const int32_t channels = dw->channels;
    for (int32_t r = 0; r < filter_rows; r++)
    {
        const int8_t *row = input + r * dw->filter_row_stride;
        const int8_t *w = weights + r * dw->filter_width * channels;
        for (int32_t fx = 0, ix = x_origin; fx < dw->filter_width; fx++, ix += dw->dilation_width)
        {
            if (ix < 0 || ix >= dw->input_width) continue;
            acc += (row[ix * channels] + dw->input_offset) * w[fx * channels];
        }
    }
    return acc;
}

void tflm_cmsisnn_depthwise_row_s8(const tflm_cmsisnn_depthwise *dw, const int8_t *input, int32_t first_filter_row,
                                   int32_t filter_rows, int8_t *out)
{
    const int32_t channels = dw->channels;
    const int32_t filter_width = dw->filter_width;
    const int32_t stride = dw->stride_width * channels;
    const int32_t tap_step = dw->dilation_width * channels;
    const int32_t row_step = dw->filter_row_stride;
    const uint32_t input_offset = ((uint32_t)(uint16_t)dw->input_offset << 16) | (uint16_t)dw->input_offset;
    const int32_t output_offset = dw->output_offset;
    const uint32_t min4 = (uint8_t)dw->activation_min * 0x01010101u;
    const uint32_t max4 = (uint8_t)dw->activation_max * 0x01010101u;
    const int8_t *weights = dw->weights + first_filter_row * filter_width * channels;
    const int32_t taps = filter_rows * filter_width;

    /* Output columns whose whole filter row lies inside the input: [inner_start, inner_end). */
    const int32_t reach = (filter_width - 1) * dw->dilation_width;
    int32_t inner_start = 0;
    while (inner_start < dw->output_width && inner_start * dw->stride_width - dw->padding_width < 0) inner_start++;
    int32_t inner_end = inner_start;
    while (inner_end < dw->output_width && inner_end * dw->stride_width - dw->padding_width + reach < dw->input_width)
        inner_end++;

    expanded_tap expanded[TFLM_CMSISNN_DEPTHWISE_MAX_TAPS];
    int32_t c = 0;
    for (; c + 4 <= channels; c += 4)
    {
        for (int32_t t = 0; t < taps; t++)
        {
            const uint32_t w = tflm_read_u32(weights + t * channels + c);
            expanded[t].lo = __sxtb16(w);
            expanded[t].hi = tflm_sxtb16_ror8(w);
        }
        const int32_t b0 = dw->bias != NULL ? dw->bias[c] : 0;
        const int32_t b1 = dw->bias != NULL ? dw->bias[c + 1] : 0;
        const int32_t b2 = dw->bias != NULL ? dw->bias[c + 2] : 0;
        const int32_t b3 = dw->bias != NULL ? dw->bias[c + 3] : 0;
        const int32_t *m = dw->multiplier + c;
        const int32_t *s = dw->shift + c;

        int8_t *o = out + c;
        for (int32_t x = 0; x < dw->output_width; x++, o += channels)
        {
            const int32_t x_origin = x * dw->stride_width - dw->padding_width;
            int32_t first_tap = 0, last_tap = filter_width;
            if (x < inner_start || x >= inner_end)
            {
                /* A border column: clip the filter row to the image. */
                while (first_tap < filter_width && x_origin + first_tap * dw->dilation_width < 0) first_tap++;
                while (last_tap > first_tap && x_origin + (last_tap - 1) * dw->dilation_width >= dw->input_width)
                    last_tap--;
            }
            int32_t a0 = b0, a1 = b1, a2 = b2, a3 = b3;
            const int8_t *row = input + x_origin * channels + c + first_tap * tap_step;
            const expanded_tap *e = expanded + first_tap;
            const int32_t count = last_tap - first_tap;
            for (int32_t r = 0; r < filter_rows; r++, row += row_step, e += filter_width)
            {
                const int8_t *p = row;
                for (int32_t t = 0; t < count; t++, p += tap_step)
                {
                    const uint32_t v = tflm_read_u32(p);
                    const int32_t lo = __sxtab16(input_offset, v);
                    const int32_t hi = tflm_sxtab16_ror8(input_offset, v);
                    a0 = __smlabb(lo, e[t].lo, a0);
                    a2 = __smlatt(lo, e[t].lo, a2);
                    a1 = __smlabb(hi, e[t].hi, a1);
                    a3 = __smlatt(hi, e[t].hi, a3);
                }
            }
            const uint32_t packed = ((uint32_t)requantize_s8(a0, m[0], s[0], output_offset) & 0xFF)
                                  | (((uint32_t)requantize_s8(a1, m[1], s[1], output_offset) & 0xFF) << 8)
                                  | (((uint32_t)requantize_s8(a2, m[2], s[2], output_offset) & 0xFF) << 16)
                                  | ((uint32_t)requantize_s8(a3, m[3], s[3], output_offset) << 24);
            const uint32_t clamped = clamp_bytes(packed, min4, max4);
            tflm_write_u32(o, clamped);
        }
    }
    for (; c < channels; c++)
    {
        const int32_t b = dw->bias != NULL ? dw->bias[c] : 0;
        int8_t *o = out + c;
        for (int32_t x = 0; x < dw->output_width; x++, o += channels)
        {
            const int32_t x_origin = x * dw->stride_width - dw->padding_width;
            const int32_t acc = single_channel(dw, input + c, weights + c, filter_rows, x_origin, b);
            int32_t v = requantize_s8(acc, dw->multiplier[c], dw->shift[c], output_offset);
            if (v < dw->activation_min) v = dw->activation_min;
            if (v > dw->activation_max) v = dw->activation_max;
            *o = (int8_t)v;
        }
    }
    (void)stride;
}
