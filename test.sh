#!/usr/bin/env bash
# Runs every test of the project: installs the native firmware tools if missing (./setup.sh), restores packages,
# builds everything (including the bare-metal build check, which compiles core and kernels-reference against the
# minimal device runtime) and runs all test projects.
set -euo pipefail
cd "$(dirname "$0")"
./setup.sh
dotnet test TfLiteMicro.sln -c Release "$@"
