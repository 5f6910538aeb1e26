#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Baton under AddressSanitizer and UndefinedBehaviorSanitizer: a second build with clang
# (BUILD_DIR/sanitize, no GUI, no benchmarks, the fuzz targets on) runs the unit tests of core/ and
# platforms/, then each fuzz target from its seed corpus for FUZZ_SECONDS (default 20) seconds;
# FUZZ_TARGETS (space-separated) picks some of them.
# Any test failure, sanitizer report or fuzzer finding fails the check.
# Usage: sanitize-check.sh SOURCE_DIR BUILD_DIR
# Exits 77 (skipped) only when clang or its sanitizer/libFuzzer runtime is missing.
set -euo pipefail
source_dir=$(realpath "$1")
build=$(realpath "$2")/sanitize
seconds=${FUZZ_SECONDS:-20}
skip() {
    echo "SKIP: $*"
    exit 77
}

# The unit tests of core/ and platforms/. Left out: those that drive the baton binary (cli_*,
# chat, handoffcli, secrets, doctor, *_e2e), the GUI ones, the fakes' own tests and the
# packaging, format and translation checks.
unit_tests=(database migrations sessionstore handoffstore claimrace settings interruptnotifier ssedecoder chatchunk llmclient
    handoffwatcher gatewaystores sessionsource messagesplitter telegramhtml telegramadapter discordadapter
    slackadapter gatewayservice)
fuzzers=(messagesplitter telegramhtml slackmrkdwn markdowndialect ssestream telegramupdates discordpayload
    slackenvelope settings)
if [ -n "${FUZZ_TARGETS:-}" ]; then read -r -a fuzzers <<< "$FUZZ_TARGETS"; fi

command -v clang++ > /dev/null || skip "clang++ is missing (packaging/install-deps.sh installs clang)"
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
printf '#include <cstdint>\n#include <cstddef>\nextern "C" int LLVMFuzzerTestOneInput(const uint8_t *, size_t) { return 0; }\n' \
    > "$probe/probe.cpp"
clang++ -fsanitize=address,undefined,fuzzer "$probe/probe.cpp" -o "$probe/probe" 2> "$probe/err" \
    || skip "clang cannot link ASan/UBSan/libFuzzer (libclang-rt-14-dev missing?): $(head -c 300 "$probe/err")"

flags="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
launcher=()
if command -v ccache > /dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
start=$(date +%s)
# Debug keeps Q_ASSERT on (Qt's inline checks, like QByteArrayView::sliced's bounds, too); -O1 and
# line tables only keep the build and the runs fast.
CC=clang CXX=clang++ cmake -S "$source_dir" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_CXX_FLAGS_DEBUG="-O1 -gline-tables-only" -DBATON_WITH_GUI=OFF -DBATON_BENCH=OFF -DBATON_FUZZ=ON \
    "${launcher[@]}" -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="$flags" > "$build.configure.log" \
    || { cat "$build.configure.log"; exit 1; }
targets=()
for t in "${unit_tests[@]}"; do targets+=("tst_$t"); done
for f in "${fuzzers[@]}"; do targets+=("fuzz_$f"); done
nice cmake --build "$build" --target "${targets[@]}" claimrace_worker
built=$(date +%s)
echo "sanitize: build took $((built - start)) s"

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
status=0
pattern="^($(IFS='|'; echo "${unit_tests[*]}"))\$"
(cd "$build" && ctest -R "$pattern" --output-on-failure) || status=1
tested=$(date +%s)
echo "sanitize: unit tests took $((tested - built)) s"

mkdir -p "$build/fuzz-work" "$build/fuzz-artifacts"
summary=()
for f in "${fuzzers[@]}"; do
    work="$build/fuzz-work/$f"
    rm -rf "$work"
    mkdir -p "$work"
    log="$build/fuzz-work/$f.log"
    result=ok
    # New inputs go to the work corpus, never into the repository's seeds.
    "$build/fuzz/fuzz_$f" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$build/fuzz-artifacts/$f-" "$work" "$source_dir/tests/fuzz/corpus/$f" > "$log" 2>&1 \
        || result=FAILED
    runs=$(grep -oE '^Done [0-9]+ runs' "$log" | grep -oE '[0-9]+' || echo 0)
    if [ "$result" != ok ]; then
        status=1
        echo "---- fuzz_$f found something; the end of its log ($log):"
        tail -n 40 "$log"
    fi
    summary+=("fuzz_$f: $runs executions in ${seconds} s: $result")
done
echo "sanitize: fuzzing took $(($(date +%s) - tested)) s"
printf '%s\n' "${summary[@]}"
echo "sanitize: $([ $status = 0 ] && echo passed || echo FAILED) after $(($(date +%s) - start)) s"
exit $status
