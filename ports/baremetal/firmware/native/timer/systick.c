/*
 * Tick counter on the Cortex-M SysTick timer, clocked from the CPU. The 24-bit counter wraps into an interrupt
 * that extends it to 64 bits. Under `qemu-system-arm -icount shift=0` one tick at 25 MHz is 40 instructions, which
 * is how the firmware's speed is measured (docs: ports/baremetal/README.md).
 */
#include "firmware.h"

#define SYST_CSR (*(volatile uint32_t *)0xE000E010u)
#define SYST_RVR (*(volatile uint32_t *)0xE000E014u)
#define SYST_CVR (*(volatile uint32_t *)0xE000E018u)
#define SYST_RELOAD 0x00FFFFFFu
#define SYST_CSR_ENABLE 1u
#define SYST_CSR_TICKINT 2u
#define SYST_CSR_CLKSOURCE_CPU 4u
#define SYST_CSR_COUNTFLAG (1u << 16)

#ifndef TFLM_TIMER_HZ
#define TFLM_TIMER_HZ 25000000u
#endif

static volatile uint32_t wraps;

void SysTick_Handler(void) { wraps++; }

void tflm_timer_initialize(void)
{
    SYST_RVR = SYST_RELOAD;
    SYST_CVR = 0;
    SYST_CSR = SYST_CSR_ENABLE | SYST_CSR_TICKINT | SYST_CSR_CLKSOURCE_CPU;
}

uint64_t tflm_timer_ticks(void)
{
    uint32_t high, low;
    /* Re-read when the counter wrapped between the two reads. The counter counts down. */
    do {
        high = wraps;
        low = SYST_CVR;
    } while (high != wraps);
    return (uint64_t)high * (SYST_RELOAD + 1u) + (SYST_RELOAD - low);
}

uint32_t tflm_timer_hz(void) { return TFLM_TIMER_HZ; }
