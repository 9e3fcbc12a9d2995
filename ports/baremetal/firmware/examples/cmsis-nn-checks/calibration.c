/*
 * A loop of known length, to check a board's instructions-per-tick figure (ports/boards/<board>.json, timer
 * instructions_per_tick): QEMU's -icount counts instructions, the board's timer counts ticks.
 */
#include <stdint.h>

uint64_t tflm_timer_ticks(void);

/* Exactly 2 * iterations + 1 instructions (SUBS + BNE per iteration, then BX LR). */
__attribute__((naked, noinline)) static void counted_loop(uint32_t iterations __attribute__((unused)))
{
    __asm__ volatile("1: subs r0, r0, #1\n"
                     "   bne 1b\n"
                     "   bx lr\n");
}

/* Timer ticks taken by counted_loop(iterations). */
uint64_t tflm_calibration_ticks(uint32_t iterations)
{
    uint64_t start = tflm_timer_ticks();
    counted_loop(iterations);
    return tflm_timer_ticks() - start;
}
