# A number with a leading space is not taken for the number.
"$NT" factor "$DATA/nmf/planted.mtx" -k " 3" -o out
