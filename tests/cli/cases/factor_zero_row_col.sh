# An all-zero row of A gives an all-zero row of W, an all-zero column an all-zero column of H.
set -e
"$NT" factor "$DATA/nmf/zero_row_col.mtx" -k 3 -o out --format tsv -q > /dev/null
awk -F "\t" "NR == 5 { for (t = 1; t <= NF; t++) if (\$t != 0) exit 1 }" out.W.tsv
awk -F "\t" "\$8 != 0 { exit 1 }" out.H.tsv
awk -F "\t" "NR != 5 { s = 0; for (t = 1; t <= NF; t++) s += \$t; if (s == 0) exit 1 }" out.W.tsv
