# One iteration cannot meet the stopping rule: a warning (kept under --quiet), and the
# summary says so.
"$NT" factor "$DATA/nmf/planted.mtx" -k 3 -o out --max-iter 1 --tol 1e-12 -q | grep -q "(not converged)"
