# k = 0 is a usage error.
"$NT" factor "$DATA/nmf/planted.mtx" -k 0 -o out
