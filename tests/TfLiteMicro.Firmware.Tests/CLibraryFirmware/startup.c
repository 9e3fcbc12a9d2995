/*
 * Start-up code of a firmware that links TfLiteMicro's C library (libtflm.a) as docs/c-library.md describes: its
 * own vector table and reset handler, its own console (semihosting) and exit. What the library asks of it: the FPU
 * enabled, and on a single-precision FPU the UsageFault exception enabled with tflm_usage_fault_handler as its
 * handler; tflm_on_fatal_error is optional (this one reports the message and exits with status 3).
 */
#include <stddef.h>
#include <stdint.h>

extern uint32_t data_start[], data_end[], data_load[], bss_start[], bss_end[], stack_top[];
extern int main(void);
void tflm_usage_fault_handler(void);

static int semihost(int operation, const void *argument)
{
    register int r0 __asm__("r0") = operation;
    register const void *r1 __asm__("r1") = argument;
    __asm__ volatile("bkpt 0xAB" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}

void console_write(const char *text)
{
    semihost(0x04, text); /* SYS_WRITE0 */
}

__attribute__((noreturn)) void board_exit(int status)
{
    uint32_t block[2] = {0x20026u, (uint32_t)status}; /* ADP_Stopped_ApplicationExit, status */
    for (;;) semihost(0x20, block);                   /* SYS_EXIT_EXTENDED */
}

void tflm_on_fatal_error(const char *message, size_t length)
{
    char text[128];
    size_t n = length < sizeof text - 1 ? length : sizeof text - 1;
    for (size_t i = 0; i < n; i++) text[i] = message[i];
    text[n] = 0;
    console_write("fatal: ");
    console_write(text);
    console_write("\n");
    board_exit(3);
}

static void fault(void)
{
    console_write("fault\n");
    board_exit(2);
}

__attribute__((noreturn)) void reset(void)
{
    for (uint32_t *s = data_load, *d = data_start; d < data_end;) *d++ = *s++;
    for (uint32_t *d = bss_start; d < bss_end;) *d++ = 0;
    *(volatile uint32_t *)0xE000ED88u |= 0xFu << 20; /* CPACR: CP10/CP11 full access (FPU on) */
    *(volatile uint32_t *)0xE000ED24u |= 1u << 18;   /* SHCSR: UsageFault enabled (double-move emulation) */
    __asm__ volatile("dsb\n isb");
    board_exit(main());
}

__attribute__((section(".vectors"), used)) const void *const vectors[16] = {
    stack_top, reset, fault, fault, fault, fault, tflm_usage_fault_handler, 0, 0, 0, 0, fault, fault, 0, fault, fault,
};
