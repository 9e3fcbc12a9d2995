/*
 * Arithmetic shared by the microkernels: TFLM's requantization (double rounding) in the fewest Thumb-2 instructions.
 * Facts from CMSIS-NN's arm_nnsupportfunctions.h (arm_nn_doubling_high_mult_no_sat and arm_nn_divide_by_power_of_two
 * with CMSIS_NN_USE_REQUANTIZE_INLINE_ASSEMBLY); the proofs that they equal TFLM's SaturatingRoundingDoublingHighMul
 * and RoundingDivideByPOT for the values that reach them are in the comments.
 */
#ifndef TFLM_CMSIS_NN_MATH_H
#define TFLM_CMSIS_NN_MATH_H

#include <arm_acle.h>
#include <stddef.h>
#include <stdint.h>

#if !defined(__ARM_FEATURE_DSP)
#error "the cmsis-nn microkernels need the DSP extension (Cortex-M4, M7, M33 with DSP, M55)"
#endif

#define TFLM_INLINE static inline __attribute__((always_inline))

/* Unaligned word access: one LDR / STR on the M4/M7/M33/M55. (__builtin_memcpy, because the firmware is compiled
 * with -ffreestanding, which would otherwise turn memcpy into a library call.) */
TFLM_INLINE uint32_t tflm_read_u32(const void *p)
{
    uint32_t v;
    __builtin_memcpy(&v, p, 4);
    return v;
}

TFLM_INLINE void tflm_write_u32(void *p, uint32_t v)
{
    __builtin_memcpy(p, &v, 4);
}

/* SXTB16 of the value rotated right by 8: bytes 1 and 3 sign-extended to two halfwords. */
TFLM_INLINE int32_t tflm_sxtb16_ror8(uint32_t v)
{
    int32_t r;
    __asm__("sxtb16 %0, %1, ror #8" : "=r"(r) : "r"(v));
    return r;
}

/* SXTAB16 of the value rotated right by 8: bytes 1 and 3 sign-extended and added to the two halfwords of a. */
TFLM_INLINE int32_t tflm_sxtab16_ror8(uint32_t a, uint32_t v)
{
    int32_t r;
    __asm__("sxtab16 %0, %1, %2, ror #8" : "=r"(r) : "r"(a), "r"(v));
    return r;
}

/* The low halfword of v in both halfwords (PKHBT v, v, LSL #16). */
TFLM_INLINE int32_t tflm_halfword_pair(int32_t v)
{
    int32_t r;
    __asm__("pkhbt %0, %1, %1, lsl #16" : "=r"(r) : "r"(v));
    return r;
}

/* (a * b + 2^30) >> 31 from SMULL's two halves: (hi << 1) + (lo >> 31) + bit 30 of lo (the carry of LSRS #31).
 * Equals TFLM's SaturatingRoundingDoublingHighMul except for a = b = INT32_MIN, and b (a quantized multiplier) is
 * never negative. */
TFLM_INLINE int32_t tflm_doubling_high_mul(int32_t a, int32_t b)
{
    int32_t low;
    __asm__("smull %0, %1, %1, %2\n\t"
            "lsrs %0, %0, #31\n\t"
            "adc %1, %0, %1, lsl #1"
            : "=&r"(low), "+r"(a)
            : "r"(b)
            : "cc");
    return a;
}

/* TFLM's RoundingDivideByPOT for exponent in [1, 31] (round half away from zero): negative x is decremented, then
 * the arithmetic shift's carry (the highest bit shifted out) rounds up. x is never INT32_MIN here: it comes from
 * tflm_doubling_high_mul with a multiplier below 2^31. */
TFLM_INLINE int32_t tflm_rounding_shift_right(int32_t x, int32_t exponent)
{
    int32_t result;
    x += x >> 31;
    __asm__("asrs %0, %1, %2\n\t"
            "adc %0, %0, #0"
            : "=r"(result)
            : "r"(x), "r"(exponent)
            : "cc");
    return result;
}

/* TFLM MultiplyByQuantizedMultiplier(int32 x, multiplier, shift), double rounding. */
TFLM_INLINE int32_t tflm_requantize(int32_t x, int32_t multiplier, int32_t shift)
{
    if (shift > 0) return tflm_doubling_high_mul((int32_t)((uint32_t)x << shift), multiplier);
    x = tflm_doubling_high_mul(x, multiplier);
    return shift < 0 ? tflm_rounding_shift_right(x, -shift) : x;
}

/* Offset, then clamp to [min, max] within int8. */
TFLM_INLINE int32_t tflm_clamp_s8(int32_t x, int32_t min, int32_t max)
{
    x = __ssat(x, 8);
    if (x < min) x = min;
    if (x > max) x = max;
    return x;
}

#endif
