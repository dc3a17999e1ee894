# k above min(rows, columns) is a runtime error naming the rank; nothing is written.
"$NT" factor "$DATA/nmf/planted.mtx" -k 11 -o out
