# Factors written by one run are a valid --init custom start for another, which then
# keeps the fit (relative error no worse than the first run to 1e-9).
set -e
"$NT" factor "$DATA/nmf/planted.mtx" -k 3 -o first -q > s1
"$NT" factor "$DATA/nmf/planted.mtx" -k 3 -o second -q --init custom --init-w first.W.mtx --init-h first.H.mtx --max-iter 5 > s2
e1=$(sed -E 's/.*relative error ([^,]+),.*/\1/' s1); e2=$(sed -E 's/.*relative error ([^,]+),.*/\1/' s2)
awk -v a="$e1" -v b="$e2" "BEGIN { exit !(b <= a + 1e-9) }"
