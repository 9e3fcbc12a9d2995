/*
 * Start-up for the Cortex-M family (M4, M4F, M7, M33, M55...): the vector table, the reset handler, and fault
 * handlers that print the fault and end the program with TFLM_EXIT_FAULT.
 */
#include "firmware.h"

extern uint32_t __data_load[], __data_start[], __data_end[], __bss_start[], __bss_end[];
extern uint32_t __heap_start[], __heap_end[], __stack_top[];
extern const void *const tflm_vectors[16];

/* The application: a C main(), or by default the C# program's [UnmanagedCallersOnly(EntryPoint = "tflm_main")]. */
extern int tflm_main(void) __attribute__((weak));

__attribute__((weak)) int main(void)
{
    if (tflm_main) return tflm_main();
    tflm_console_write_ascii("no program: neither main() nor tflm_main() is linked\n");
    return TFLM_EXIT_FAILURE;
}

/* Stack painting: the reset handler fills the stack below itself with this word; at the end the lowest word
   that changed gives the deepest the stack went (exception frames and fault handlers included). The board's
   stack_bytes is chosen from these measurements (ports/boards/README.md). */
#define STACK_PAINT 0x5AC3A53Cu
#define STACK_PAINT_GAP 64u

static void paint_stack(void)
{
    uint32_t *here = (uint32_t *)__builtin_frame_address(0);
    for (uint32_t *word = __heap_end; word < here - STACK_PAINT_GAP / 4; word++) *word = STACK_PAINT;
}

uint32_t tflm_stack_peak(void)
{
    uint32_t *word = __heap_end;
    while (word < __stack_top && *word == STACK_PAINT) word++;
    return (uint32_t)((uintptr_t)__stack_top - (uintptr_t)word);
}

/* Printed after the program returns: the tests read it to check the board's stack reservation. */
static void report_memory(void)
{
    char digits[12];
    int count = 0;
    uint32_t value = tflm_stack_peak();
    do {
        digits[sizeof digits - 1 - count++] = (char)('0' + value % 10u);
        value /= 10u;
    } while (value != 0);
    tflm_console_write_ascii("stack_peak ");
    tflm_console_write(digits + sizeof digits - count, count);
    tflm_console_write_ascii(" of ");
    count = 0;
    value = (uint32_t)((uintptr_t)__stack_top - (uintptr_t)__heap_end);
    do {
        digits[sizeof digits - 1 - count++] = (char)('0' + value % 10u);
        value /= 10u;
    } while (value != 0);
    tflm_console_write(digits + sizeof digits - count, count);
    tflm_console_write_ascii("\n");
}

#define SCB_VTOR (*(volatile uint32_t *)0xE000ED08u)
#define SCB_CPACR (*(volatile uint32_t *)0xE000ED88u)
#define SCB_SHCSR (*(volatile uint32_t *)0xE000ED24u)
#define SCB_CCR (*(volatile uint32_t *)0xE000ED14u)
#define SCB_CFSR (*(volatile uint32_t *)0xE000ED28u)
#define SCB_HFSR (*(volatile uint32_t *)0xE000ED2Cu)
#define SCB_MMFAR (*(volatile uint32_t *)0xE000ED34u)
#define SCB_BFAR (*(volatile uint32_t *)0xE000ED38u)

void Reset_Handler(void)
{
    /* The vector table in flash (a board that boots from elsewhere only has the first two words there). */
    SCB_VTOR = (uint32_t)tflm_vectors;
    paint_stack();
#if defined(__ARM_FP)
    /* Full access to CP10/CP11 before the first floating-point instruction. */
    SCB_CPACR |= 0xFu << 20;
    __asm__ volatile("dsb\n isb");
#endif
    /* Separate MemManage/BusFault/UsageFault handlers, and trap integer division by zero. */
    SCB_SHCSR |= (1u << 16) | (1u << 17) | (1u << 18);
    SCB_CCR |= 1u << 4;

    uint32_t *source = __data_load, *destination = __data_start;
    while (destination < __data_end) *destination++ = *source++;
    for (destination = __bss_start; destination < __bss_end;) *destination++ = 0;
    for (destination = __heap_start; destination < __heap_end;) *destination++ = 0;

    tflm_platform_heap_initialize();
    tflm_timer_initialize();
    tflm_platform_ensure_runtime();
    int status = main();
    report_memory();
    tflm_exit(status);
}

static const char *const fault_names[] = {"HardFault", "MemManage", "BusFault", "UsageFault"};

/* Called by the naked handlers with the stacked exception frame {r0-r3, r12, lr, pc, xpsr}. */
__attribute__((used)) void tflm_report_fault(int kind, const uint32_t *frame)
{
    tflm_console_write_ascii("\nFAULT ");
    tflm_console_write_ascii(fault_names[kind]);
    tflm_console_write_ascii(" pc=");
    tflm_console_write_hex32(frame[6]);
    tflm_console_write_ascii(" lr=");
    tflm_console_write_hex32(frame[5]);
    tflm_console_write_ascii(" CFSR=");
    tflm_console_write_hex32(SCB_CFSR);
    tflm_console_write_ascii(" HFSR=");
    tflm_console_write_hex32(SCB_HFSR);
    if (SCB_CFSR & (1u << 16)) tflm_console_write_ascii(" (undefined instruction: double-precision FPU code on a single-precision core?)");
    if (SCB_CFSR & (1u << 25)) tflm_console_write_ascii(" (integer division by zero)");
    if (SCB_CFSR & (1u << 15)) { tflm_console_write_ascii(" BFAR="); tflm_console_write_hex32(SCB_BFAR); }
    if (SCB_CFSR & (1u << 7)) { tflm_console_write_ascii(" MMFAR="); tflm_console_write_hex32(SCB_MMFAR); }
    tflm_console_write_ascii("\n");
    tflm_exit(TFLM_EXIT_FAULT);
}

/* Pick the stack the frame was pushed on (EXC_RETURN bit 2), then report. */
#define FAULT_HANDLER(name, kind)                                                            \
    __attribute__((naked)) void name(void)                                                   \
    {                                                                                        \
        __asm__ volatile("tst lr, #4\n ite eq\n mrseq r1, msp\n mrsne r1, psp\n movs r0, #" #kind \
                         "\n b tflm_report_fault");                                          \
    }
FAULT_HANDLER(HardFault_Handler, 0)
FAULT_HANDLER(MemManage_Handler, 1)
FAULT_HANDLER(BusFault_Handler, 2)
/* A single-precision FPU gets the emulating UsageFault handler of fpu_emulation.c instead. */
#if !(defined(__ARM_FP) && !(__ARM_FP & 8))
FAULT_HANDLER(UsageFault_Handler, 3)
#else
void UsageFault_Handler(void);
#endif

void Default_Handler(void)
{
    tflm_console_write_ascii("\nunexpected interrupt\n");
    tflm_exit(TFLM_EXIT_FAULT);
}

void NMI_Handler(void) __attribute__((weak, alias("Default_Handler")));
void SVC_Handler(void) __attribute__((weak, alias("Default_Handler")));
void DebugMon_Handler(void) __attribute__((weak, alias("Default_Handler")));
void PendSV_Handler(void) __attribute__((weak, alias("Default_Handler")));
void SysTick_Handler(void) __attribute__((weak, alias("Default_Handler")));

/* The architecture's 16 system vectors; external interrupts are not used. */
__attribute__((section(".isr_vector"), used)) const void *const tflm_vectors[16] = {
    __stack_top,     Reset_Handler,     NMI_Handler,      HardFault_Handler,
    MemManage_Handler, BusFault_Handler, UsageFault_Handler, 0,
    0,               0,                 0,                SVC_Handler,
    DebugMon_Handler, 0,                PendSV_Handler,   SysTick_Handler,
};
