#!/usr/bin/env bash
# Runs one CLI test case: tests/cli/cases/NAME.sh with $NT pointing at the nmftopics binary
# and $DATA at tests/data, in a fresh scratch folder ($PWD). Expectations beside it:
#   NAME.exit            the exit status (required)
#   NAME.out             stdout, compared exactly (optional)
#   NAME.err             an extended regex that stderr must match (optional)
#   NAME.err-multiline   marker: stderr may hold more than the one error line (optional)
#   NAME.files           what the case itself leaves in the scratch folder besides stdout
#                        and stderr: one shell pattern per line, matched against paths
#                        relative to the folder ('*' spans '/'); '#' starts a comment
# Rules for every case: an exit status of 128 or more (a crash or a signal) fails, whatever
# NAME.exit says, and no temporary file (*.tmp.*) may be left anywhere in the folder. A case
# expected to fail must print exactly one line on stderr, starting "nmftopics: " (unless
# NAME.err-multiline), and leave nothing beyond NAME.files: a failed run writes no output.
# The case script may check more itself and fail with a message; within it,
# `expect_status N COMMAND...` runs a command that must end with status N.
set -u
case_dir=$1 name=$2 binary=$3 data=$4
scratch=$(mktemp -d)
trap 'chmod -R u+rwx "$scratch"; rm -rf "$scratch"' EXIT
cd "$scratch" || exit 1

expect_status() {
    local want=$1 got=0
    shift
    "$@" || got=$?
    if [ "$got" != "$want" ]; then
        echo "expected exit status $want, got $got: $*" >&2
        exit 97
    fi
}
export -f expect_status

NT=$binary DATA=$data SRC=$(cd "$case_dir/../../.." && pwd) \
    bash "$case_dir/$name.sh" >stdout 2>stderr
status=$?
fail=0
want_status=$(cat "$case_dir/$name.exit")
if [ "$status" -ge 128 ]; then
    echo "FAIL $name: exit status $status: killed by signal $((status - 128)) (a crash?)"; fail=1
elif [ "$status" != "$want_status" ]; then
    echo "FAIL $name: exit status $status, expected $want_status"; fail=1
fi
if [ -f "$case_dir/$name.out" ] && ! diff -u "$case_dir/$name.out" stdout; then
    echo "FAIL $name: stdout differs (above)"; fail=1
fi
if [ -f "$case_dir/$name.err" ] && ! grep -Eq -f "$case_dir/$name.err" stderr; then
    echo "FAIL $name: stderr does not match $(cat "$case_dir/$name.err")"; fail=1
fi
temporaries=$(find . -name '*.tmp.*' | head -5)
if [ -n "$temporaries" ]; then
    echo "FAIL $name: temporary files left:" $temporaries; fail=1
fi
if [ "$want_status" != 0 ]; then
    if [ ! -f "$case_dir/$name.err-multiline" ] &&
        { [ "$(wc -l < stderr)" != 1 ] || ! head -1 stderr | grep -q '^nmftopics: '; }; then
        echo "FAIL $name: stderr is not one line starting 'nmftopics: '"; fail=1
    fi
    patterns=()
    if [ -f "$case_dir/$name.files" ]; then
        while IFS= read -r line; do
            line=${line%%#*}
            line=${line%"${line##*[![:space:]]}"}
            [ -n "$line" ] && patterns+=("$line")
        done < "$case_dir/$name.files"
    fi
    while IFS= read -r path; do
        path=${path#./}
        allowed=0
        for pattern in stdout stderr "${patterns[@]}"; do
            # shellcheck disable=SC2053  # the pattern is meant to glob
            [[ $path == $pattern ]] && allowed=1 && break
        done
        [ $allowed = 1 ] || { echo "FAIL $name: a failed run left '$path' behind"; fail=1; }
    done < <(find . -mindepth 1)
fi
if [ $fail = 1 ]; then
    echo "--- stderr:"; cat stderr
    echo "--- stdout (first 40 lines):"; head -40 stdout
fi
exit $fail
