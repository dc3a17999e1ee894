# -o is required.
"$NT" factor "$DATA/nmf/planted.mtx" -k 2
