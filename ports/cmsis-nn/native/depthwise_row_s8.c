/*
 * tflm_cmsisnn_depthwise_row_s8 (see the header). Channels are taken four at a time, outermost: the four channels'
 * weights of every filter tap are sign-extended once (SXTB16) onto the stack, and each output pixel then costs, per
 * tap, one load of four input bytes, two SXTAB16 (which also add the input offset) and four 16x16 multiply-
 * accumulates (SMLABB / SMLATT), as CMSIS-NN's arm_depthwise_conv_3x3_s8 does per tap; a 3x3 filter inside the image
 * is fully unrolled. With a depth multiplier that is a multiple of four, the four channels share one input byte,
 * which is broadcast to both halfwords instead. The four results are requantized together, saturated, packed with
 * BFI, clamped per byte (SSUB8 + SEL) and stored as one word.
 */
#include "cmsis_nn_microkernels.h"
#include "cmsis_nn_math.h"

typedef struct expanded_tap {
    int32_t lo; /* channels 0 and 2 */
    int32_t hi; /* channels 1 and 3 */
} expanded_tap;

/* The four channels' input of one tap, offset and sign-extended: lo = channels 0 and 2, hi = channels 1 and 3. */
#define TFLM_LOAD_WORD(pointer)                                      \
    const uint32_t v_ = tflm_read_u32(pointer);                      \
    const int32_t lo_ = __sxtab16(input_offset, v_);                 \
    const int32_t hi_ = tflm_sxtab16_ror8(input_offset, v_)

/* Depth multiplier a multiple of four: one input byte for all four channels, in both halfwords. */
#define TFLM_LOAD_BROADCAST(pointer)                                 \
    const int32_t b_ = *(pointer) + input_offset_s32;                \
    const int32_t lo_ = tflm_halfword_pair(b_);                \
    const int32_t hi_ = lo_

#define TFLM_MACS(tap)                                               \
    a0 = __smlabb(lo_, (tap).lo, a0);                                \
    a2 = __smlatt(lo_, (tap).lo, a2);                                \
    a1 = __smlabb(hi_, (tap).hi, a1);                                \
    a3 = __smlatt(hi_, (tap).hi, a3)

#define TFLM_TAP_WORD(pointer, tap) do { TFLM_LOAD_WORD(pointer); TFLM_MACS(tap); } while (0)
#define TFLM_TAP_BROADCAST(pointer, tap) do { TFLM_LOAD_BROADCAST(pointer); TFLM_MACS(tap); } while (0)

/* Inserts the low byte of value into byte lane `lane` of word. */
#define TFLM_BFI(word, value, lane) __asm__("bfi %0, %1, #" #lane "*8, #8" : "+r"(word) : "r"(value))

/* Requantization of one channel group: the four channels' multipliers and right shifts (all >= 1: the fast path). */
typedef struct group_quant {
    int32_t multiplier[4];
    int32_t right_shift[4];
} group_quant;

TFLM_INLINE int32_t requantize_right(int32_t acc, int32_t multiplier, int32_t right_shift, int32_t offset)
{
    return __ssat(tflm_rounding_shift_right(tflm_doubling_high_mul(acc, multiplier), right_shift) + offset, 8);
}

/* Clamps four packed int8 to [min, max] per byte: max with SSUB8 + SEL, then min. */
TFLM_INLINE uint32_t clamp_bytes(uint32_t v, uint32_t min4, uint32_t max4)
{
    __ssub8(v, min4);
    v = __sel(v, min4);
    __ssub8(v, max4);
    return __sel(max4, v);
}

/* One channel, any tap range: the tail channels (a channel count that is not a multiple of four). */
static int32_t single_channel(const tflm_cmsisnn_depthwise *dw, const int8_t *input, const int8_t *weights,
                              int32_t filter_rows, int32_t x_origin, int32_t input_channels, int32_t acc)
{
    const int32_t channels = dw->channels;
    for (int32_t r = 0; r < filter_rows; r++)
    {
        const int8_t *row = input + r * dw->filter_row_stride;
        const int8_t *w = weights + r * dw->filter_width * channels;
        for (int32_t fx = 0, ix = x_origin; fx < dw->filter_width; fx++, ix += dw->dilation_width)
        {
            if (ix < 0 || ix >= dw->input_width) continue;
            acc += (row[ix * input_channels] + dw->input_offset) * w[fx * channels];
        }
    }
    return acc;
}

void tflm_cmsisnn_depthwise_row_s8(const tflm_cmsisnn_depthwise *dw, const int8_t *input, int32_t first_filter_row,
                                   int32_t filter_rows, int8_t *out)
{
    const int32_t channels = dw->channels;
    const int32_t multiplier = dw->depth_multiplier;
    const int32_t input_channels = channels / multiplier;
    const int32_t filter_width = dw->filter_width;
    const int32_t output_width = dw->output_width;
    const int32_t tap_step = dw->dilation_width * input_channels;
    const int32_t pixel_step = dw->stride_width * input_channels;
    const int32_t row_step = dw->filter_row_stride;
    const int32_t input_offset_s32 = dw->input_offset;
    const uint32_t input_offset = ((uint32_t)(uint16_t)input_offset_s32 << 16) | (uint16_t)input_offset_s32;
    const int32_t output_offset = dw->output_offset;
    const uint32_t min4 = (uint8_t)dw->activation_min * 0x01010101u;
    const uint32_t max4 = (uint8_t)dw->activation_max * 0x01010101u;
    const int full_range = dw->activation_min <= -128 && dw->activation_max >= 127;
    const int8_t *weights = dw->weights + first_filter_row * filter_width * channels;
    const int32_t taps = filter_rows * filter_width;
    const int three_by_three = filter_width == 3 && filter_rows == 3;
    const int broadcast = multiplier != 1;

    /* Output columns whose whole filter row lies inside the input: [inner_start, inner_end). */
    const int32_t reach = (filter_width - 1) * dw->dilation_width;
    int32_t inner_start = 0;
    while (inner_start < output_width && inner_start * dw->stride_width - dw->padding_width < 0) inner_start++;
    int32_t inner_end = inner_start;
    while (inner_end < output_width && inner_end * dw->stride_width - dw->padding_width + reach < dw->input_width)
        inner_end++;

    expanded_tap expanded[TFLM_CMSISNN_DEPTHWISE_MAX_TAPS];
    group_quant quant;
    int32_t c = 0;
    for (; c + 4 <= channels; c += 4)
    {
        for (int32_t t = 0; t < taps; t++)
        {
            const uint32_t w = tflm_read_u32(weights + t * channels + c);
            expanded[t].lo = __sxtb16(w);
            expanded[t].hi = tflm_sxtb16_ror8(w);
        }
        const int32_t *bias = dw->bias;
        const int32_t b0 = bias != NULL ? bias[c] : 0;
        const int32_t b1 = bias != NULL ? bias[c + 1] : 0;
        const int32_t b2 = bias != NULL ? bias[c + 2] : 0;
        const int32_t b3 = bias != NULL ? bias[c + 3] : 0;
        int right_shifts_only = 1;
        for (int32_t i = 0; i < 4; i++)
        {
            quant.multiplier[i] = dw->multiplier[c + i];
            quant.right_shift[i] = -dw->shift[c + i];
            if (dw->shift[c + i] >= 0) right_shifts_only = 0;
        }

        /* Channel c's input: byte c of the pixel, or byte c / multiplier (the same for all four channels). */
        const int8_t *pixel = input + (broadcast ? c / multiplier : c) - dw->padding_width * input_channels;
        int8_t *o = out + c;
        for (int32_t x = 0; x < output_width; x++, o += channels, pixel += pixel_step)
        {
            int32_t a0 = b0, a1 = b1, a2 = b2, a3 = b3;
            if (three_by_three && x >= inner_start && x < inner_end)
            {
                /* The 3x3 fast path (CMSIS-NN's arm_depthwise_conv_3x3_s8): all nine taps unrolled. */
                const int8_t *row = pixel;
                if (!broadcast)
                {
                    TFLM_TAP_WORD(row, expanded[0]);
                    TFLM_TAP_WORD(row + tap_step, expanded[1]);
                    TFLM_TAP_WORD(row + 2 * tap_step, expanded[2]);
                    row += row_step;
                    TFLM_TAP_WORD(row, expanded[3]);
                    TFLM_TAP_WORD(row + tap_step, expanded[4]);
                    TFLM_TAP_WORD(row + 2 * tap_step, expanded[5]);
                    row += row_step;
                    TFLM_TAP_WORD(row, expanded[6]);
                    TFLM_TAP_WORD(row + tap_step, expanded[7]);
                    TFLM_TAP_WORD(row + 2 * tap_step, expanded[8]);
                }
                else
                {
                    TFLM_TAP_BROADCAST(row, expanded[0]);
                    TFLM_TAP_BROADCAST(row + tap_step, expanded[1]);
                    TFLM_TAP_BROADCAST(row + 2 * tap_step, expanded[2]);
                    row += row_step;
                    TFLM_TAP_BROADCAST(row, expanded[3]);
                    TFLM_TAP_BROADCAST(row + tap_step, expanded[4]);
                    TFLM_TAP_BROADCAST(row + 2 * tap_step, expanded[5]);
                    row += row_step;
                    TFLM_TAP_BROADCAST(row, expanded[6]);
                    TFLM_TAP_BROADCAST(row + tap_step, expanded[7]);
                    TFLM_TAP_BROADCAST(row + 2 * tap_step, expanded[8]);
                }
            }
            else
            {
                /* Any filter; border columns clip the filter row to the image. */
                const int32_t x_origin = x * dw->stride_width - dw->padding_width;
                int32_t first_tap = 0, last_tap = filter_width;
                if (x < inner_start || x >= inner_end)
                {
                    while (first_tap < filter_width && x_origin + first_tap * dw->dilation_width < 0) first_tap++;
                    while (last_tap > first_tap && x_origin + (last_tap - 1) * dw->dilation_width >= dw->input_width)
                        last_tap--;
                }
                const int8_t *row = pixel + first_tap * tap_step;
                const expanded_tap *e = expanded + first_tap;
                const int32_t count = last_tap - first_tap;
                for (int32_t r = 0; r < filter_rows; r++, row += row_step, e += filter_width)
                {
                    const int8_t *p = row;
                    if (!broadcast)
                    {
                        for (int32_t t = 0; t < count; t++, p += tap_step) TFLM_TAP_WORD(p, e[t]);
                    }
                    else
                    {
                        for (int32_t t = 0; t < count; t++, p += tap_step) TFLM_TAP_BROADCAST(p, e[t]);
                    }
                }
            }

            uint32_t packed;
            if (right_shifts_only)
            {
                packed = (uint32_t)requantize_right(a0, quant.multiplier[0], quant.right_shift[0], output_offset);
                TFLM_BFI(packed, requantize_right(a1, quant.multiplier[1], quant.right_shift[1], output_offset), 1);
                TFLM_BFI(packed, requantize_right(a2, quant.multiplier[2], quant.right_shift[2], output_offset), 2);
                TFLM_BFI(packed, requantize_right(a3, quant.multiplier[3], quant.right_shift[3], output_offset), 3);
            }
            else
            {
                packed = (uint32_t)__ssat(tflm_requantize(a0, quant.multiplier[0], -quant.right_shift[0]) + output_offset, 8);
                TFLM_BFI(packed, __ssat(tflm_requantize(a1, quant.multiplier[1], -quant.right_shift[1]) + output_offset, 8), 1);
                TFLM_BFI(packed, __ssat(tflm_requantize(a2, quant.multiplier[2], -quant.right_shift[2]) + output_offset, 8), 2);
                TFLM_BFI(packed, __ssat(tflm_requantize(a3, quant.multiplier[3], -quant.right_shift[3]) + output_offset, 8), 3);
            }
            if (!full_range) packed = clamp_bytes(packed, min4, max4);
            tflm_write_u32(o, packed);
        }
    }
    for (; c < channels; c++)
    {
        const int32_t b = dw->bias != NULL ? dw->bias[c] : 0;
        int8_t *o = out + c;
        for (int32_t x = 0; x < output_width; x++, o += channels)
        {
            const int32_t x_origin = x * dw->stride_width - dw->padding_width;
            const int32_t acc = single_channel(dw, input + c / multiplier, weights + c, filter_rows, x_origin, input_channels, b);
            int32_t v = __ssat(tflm_requantize(acc, dw->multiplier[c], dw->shift[c]) + output_offset, 8);
            if (v < dw->activation_min) v = dw->activation_min;
            if (v > dw->activation_max) v = dw->activation_max;
            *o = (int8_t)v;
        }
    }
}
