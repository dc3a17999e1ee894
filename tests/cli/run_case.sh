#!/usr/bin/env bash
# Runs one CLI test case: tests/cli/cases/NAME.sh with $NT pointing at the nmftopics binary
# and $DATA at tests/data, in a fresh scratch folder ($PWD). Expectations beside it:
#   NAME.exit  the exit status (required)
#   NAME.out   stdout, compared exactly (optional)
#   NAME.err   an extended regex that stderr must match (optional)
# The case script itself may also check files it produced and fail with a message.
set -u
case_dir=$1 name=$2 binary=$3 data=$4
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cd "$scratch" || exit 1
NT=$binary DATA=$data SRC=$(cd "$case_dir/../../.." && pwd) \
    bash "$case_dir/$name.sh" >stdout 2>stderr
status=$?
fail=0
want_status=$(cat "$case_dir/$name.exit")
if [ "$status" != "$want_status" ]; then
    echo "FAIL $name: exit status $status, expected $want_status"; fail=1
fi
if [ -f "$case_dir/$name.out" ] && ! diff -u "$case_dir/$name.out" stdout; then
    echo "FAIL $name: stdout differs (above)"; fail=1
fi
if [ -f "$case_dir/$name.err" ] && ! grep -Eq -f "$case_dir/$name.err" stderr; then
    echo "FAIL $name: stderr does not match $(cat "$case_dir/$name.err")"; fail=1
fi
if [ $fail = 1 ]; then
    echo "--- stderr:"; cat stderr
    echo "--- stdout (first 40 lines):"; head -40 stdout
fi
exit $fail
