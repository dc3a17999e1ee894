# A file that is not Matrix Market is named; nothing is written.
"$NT" factor "$DATA/nmf/unparsable.mtx" -k 2 -o out
