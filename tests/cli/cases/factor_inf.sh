# An infinite entry is named by row and column; nothing is written.
"$NT" factor "$DATA/nmf/inf.mtx" -k 2 -o out
