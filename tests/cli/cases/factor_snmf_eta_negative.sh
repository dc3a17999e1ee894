# --snmf-eta takes -1 (max(A)) or a value >= 0; -0.5 means nothing and is a usage error.
"$NT" factor "$DATA/nmf/planted.mtx" -k 2 -o out --algorithm snmf-r --snmf-eta -0.5
