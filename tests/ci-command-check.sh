#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails if .ci/run stops running README's test command verbatim.
set -euo pipefail
cd "${1:-$(dirname "$0")/..}"
command=$(tail -n 1 .ci/run)
case "$command" in
*"ctest -j2 --output-on-failure") ;;
*) echo "ci-command-check: the last line of .ci/run must end in 'ctest -j2 --output-on-failure'"; exit 1 ;;
esac
if ! grep -qxF "$command" README.md; then
    echo "ci-command-check: README.md does not contain .ci/run's command: $command"
    exit 1
fi
echo "ci-command-check: .ci/run runs README's test command"
