/*
 * Console over ARM semihosting (`qemu-system-arm -semihosting`, or a debugger): the host prints what the firmware
 * writes and SYS_EXIT ends the emulator with the firmware's status. Another console (a UART) implements the same
 * functions from firmware.h.
 */
#include "firmware.h"

enum { SYS_WRITEC = 0x03, SYS_WRITE0 = 0x04, SYS_EXIT = 0x18, SYS_EXIT_EXTENDED = 0x20 };
enum { ADP_STOPPED_APPLICATION_EXIT = 0x20026 };

static int semihosting_call(int operation, const void *argument)
{
    register int r0 __asm__("r0") = operation;
    register const void *r1 __asm__("r1") = argument;
    __asm__ volatile("bkpt 0xAB" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}

/* SYS_WRITE0 prints a zero-terminated string; text is sent in chunks through a small buffer. */
void tflm_console_write(const char *text, int length)
{
    char chunk[65];
    while (length > 0) {
        int n = length < 64 ? length : 64;
        for (int i = 0; i < n; i++) chunk[i] = text[i] != 0 ? text[i] : ' ';
        chunk[n] = 0;
        semihosting_call(SYS_WRITE0, chunk);
        text += n;
        length -= n;
    }
}

void tflm_console_write_ascii(const char *text)
{
    int length = 0;
    while (text[length] != 0) length++;
    tflm_console_write(text, length);
}

/* Managed strings are UTF-16; the console is ASCII (other characters print as '?'). */
void tflm_console_write_utf16(const uint16_t *text, int length)
{
    char chunk[64];
    while (length > 0) {
        int n = length < 64 ? length : 64;
        for (int i = 0; i < n; i++) chunk[i] = text[i] < 0x80 ? (char)text[i] : '?';
        tflm_console_write(chunk, n);
        text += n;
        length -= n;
    }
}

void tflm_console_write_hex32(uint32_t value)
{
    char text[10] = {'0', 'x'};
    for (int i = 0; i < 8; i++) {
        int digit = (value >> (28 - 4 * i)) & 15;
        text[2 + i] = (char)(digit < 10 ? '0' + digit : 'a' + digit - 10);
    }
    tflm_console_write(text, 10);
}

/* SYS_EXIT_EXTENDED carries the exit code (QEMU exits with it); plain SYS_EXIT only says "stopped". */
void tflm_exit(int status)
{
    uint32_t block[2] = {ADP_STOPPED_APPLICATION_EXIT, (uint32_t)status};
    semihosting_call(SYS_EXIT_EXTENDED, block);
    /* A host without the extended call: report success or failure the classic way. */
    semihosting_call(SYS_EXIT, (const void *)(uintptr_t)(status == 0 ? ADP_STOPPED_APPLICATION_EXIT : 0x20023));
    for (;;) {
    }
}
