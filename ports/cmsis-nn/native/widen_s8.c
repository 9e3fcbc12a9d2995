/* tflm_cmsisnn_widen_s8: int8 -> int16 + offset in SXTB16 order (see cmsis_nn_microkernels.h). */
#include "cmsis_nn_microkernels.h"
#include "cmsis_nn_math.h"

void tflm_cmsisnn_widen_s8(const int8_t *source, int16_t *destination, int32_t depth, int32_t input_offset,
                           int32_t group_stride)
{
    const uint32_t offset = ((uint32_t)(uint16_t)input_offset << 16) | (uint16_t)input_offset;
    uint32_t *out = (uint32_t *)destination;
    const int32_t step = group_stride / 2; /* in words */
    int32_t groups = depth >> 2;
    while (groups-- > 0)
    {
        uint32_t v = tflm_read_u32(source);
        source += 4;
        out[0] = __sxtab16(offset, v);              /* k0, k2 */
        out[1] = tflm_sxtab16_ror8(offset, v);    /* k1, k3 */
        out += step;
    }
    int32_t tail = depth & 3;
    if (tail != 0)
    {
        int16_t *last = (int16_t *)out;
        last[0] = (int16_t)(source[0] + input_offset);
        last[1] = tail > 2 ? (int16_t)(source[2] + input_offset) : 0;
        last[2] = tail > 1 ? (int16_t)(source[1] + input_offset) : 0;
        last[3] = 0;
    }
}
