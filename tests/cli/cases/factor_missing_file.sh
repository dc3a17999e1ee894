# A missing input file is named; nothing is written.
"$NT" factor no_such.mtx -k 2 -o out
