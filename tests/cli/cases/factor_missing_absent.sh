# --missing absent completes a matrix: a rank-2 product W0 H0 (10 x 8, all entries
# positive) stored without the entries where (i + j) % 4 == 0; the fit predicts each
# unstored entry to within 1e-4 of its true value, read back from W and H in TSV form.
# Half of the random starts end in a local minimum (3% error), so 8 runs are made and
# the best is kept.
set -e
truth='function w1(i) { return 1 + (i * 7) % 5 } function w2(i) { return 1 + (i * 3) % 4 }
       function h1(j) { return 1 + (j * 5) % 3 } function h2(j) { return 1 + (j * 2) % 5 }
       function a(i, j) { return w1(i) * h1(j) + w2(i) * h2(j) }'
awk "$truth"'BEGIN {
    n = 0
    for (j = 1; j <= 8; j++) for (i = 1; i <= 10; i++) if ((i + j) % 4 != 0) n++
    print "%%MatrixMarket matrix coordinate real general"; print 10, 8, n
    for (j = 1; j <= 8; j++) for (i = 1; i <= 10; i++) if ((i + j) % 4 != 0) print i, j, a(i, j)
}' > ratings.mtx
"$NT" factor ratings.mtx -k 2 --missing absent --tol 1e-14 --max-iter 20000 --runs 8 --threads 1 \
    --format tsv -o out -q > summary
grep -Eq "^factor: 10 x 8, k = 2, hals, " summary
awk "$truth"'BEGIN {
    i = 0
    while ((getline line < "out.W.tsv") > 0) { i++; split(line, f, "\t"); W1[i] = f[1]; W2[i] = f[2] }
    getline line < "out.H.tsv"; split(line, H1, "\t")
    getline line < "out.H.tsv"; split(line, H2, "\t")
    for (j = 1; j <= 8; j++) for (i = 1; i <= 10; i++) if ((i + j) % 4 == 0) {
        want = a(i, j); got = W1[i] * H1[j] + W2[i] * H2[j]
        if (got - want > 1e-4 * want || want - got > 1e-4 * want) {
            printf "entry (%d, %d): %g, expected %g\n", i, j, got, want > "/dev/stderr"; exit 1
        }
    }
}'
