#!/usr/bin/env bash
# Runs every test of the project: restores packages, builds everything (including the bare-metal build check,
# which compiles core and kernels-reference against the minimal device runtime) and runs all test projects.
set -euo pipefail
cd "$(dirname "$0")"
dotnet test TfLiteMicro.sln -c Release "$@"
