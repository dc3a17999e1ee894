# A negative entry is named by row and column; nothing is written.
"$NT" factor "$DATA/nmf/negative.mtx" -k 2 -o out
