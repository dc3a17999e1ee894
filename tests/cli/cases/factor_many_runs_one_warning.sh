# 300 runs cut short by --max-iter 1 give one summary warning, not one per run.
"$NT" factor "$DATA/nmf/planted.mtx" -k 2 -o out --runs 300 --max-iter 1 --threads 1 -q \
    > /dev/null 2> err
[ $? = 0 ] || { cat err; exit 1; }
[ "$(wc -l < err)" = 1 ] || { echo "expected one line on stderr:"; cat err; exit 2; }
grep -q "warning: nmf: 300 of 300 runs stopped at max-iter (1)" err || { cat err; exit 3; }
