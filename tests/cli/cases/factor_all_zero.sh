# A matrix without nonzeros has nothing to factor; nothing is written.
"$NT" factor "$DATA/nmf/all_zero.mtx" -k 2 -o out
