#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails if any C++ file under the source tree differs from what .clang-format asks for.
set -euo pipefail
cd "${1:-$(dirname "$0")/..}"
mapfile -t files < <(find app core platforms qml tests bench -type f \( -name '*.cpp' -o -name '*.h' \) | sort)
bad=()
for f in "${files[@]}"; do
    clang-format --dry-run --Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done
if [ "${#bad[@]}" -gt 0 ]; then
    echo "format-check: ${#bad[@]} of ${#files[@]} files are not clang-formatted; run: clang-format -i ${bad[*]}"
    exit 1
fi
echo "format-check: ${#files[@]} files formatted"
