# A NaN entry is named by row and column; nothing is written.
"$NT" factor "$DATA/nmf/nan.mtx" -k 2 -o out
