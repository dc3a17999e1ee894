# A planted rank-3 product with k = 3: the fit is exact, both factors are written in
# Matrix Market form and every row of H sums to 1.
set -e
"$NT" factor "$DATA/nmf/planted.mtx" -k 3 -o out --tol 1e-12 --max-iter 3000 -q > summary
grep -Eq "^factor: 12 x 10, k = 3, hals, [0-9]+ iterations, relative error [0-9.e-]+, [0-9.]+ s$" summary
err=$(sed -E 's/.*relative error ([^,]+),.*/\1/' summary)
awk -v e="$err" "BEGIN { exit !(e + 0 < 1e-6) }"
sed -n 2p out.W.mtx | grep -qx "12 3"
sed -n 2p out.H.mtx | grep -qx "3 10"
# H is an array file: 30 values in column-major order, so value q belongs to row q % 3.
awk "NR > 2 { s[(NR - 3) % 3] += \$1 } END { for (t = 0; t < 3; t++) if (s[t] < 1 - 1e-12 || s[t] > 1 + 1e-12) exit 1 }" out.H.mtx
