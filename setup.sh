#!/usr/bin/env bash
# Installs the native tools the firmware builds and their tests need (Debian packages): the GNU Arm embedded
# toolchain with newlib, and QEMU for Arm. Everything else (.NET packages, NativeAOT's ILCompiler) is restored by
# `dotnet` itself. Safe to run repeatedly: installs only what is missing. ./test.sh runs it first.
set -euo pipefail

packages=()
command -v arm-none-eabi-gcc >/dev/null 2>&1 || packages+=(gcc-arm-none-eabi)
[ -d /usr/lib/arm-none-eabi/newlib ] || [ -d /usr/lib/arm-none-eabi/lib ] || packages+=(libnewlib-arm-none-eabi)
command -v qemu-system-arm >/dev/null 2>&1 || packages+=(qemu-system-arm)

if [ ${#packages[@]} -eq 0 ]; then
  echo "setup: firmware tools present (arm-none-eabi-gcc, newlib, qemu-system-arm)"
  exit 0
fi

if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
  echo "setup: cannot install ${packages[*]} (not root, no sudo); firmware builds and QEMU tests will be skipped" >&2
  exit 0
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "setup: installing ${packages[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${packages[@]}"
