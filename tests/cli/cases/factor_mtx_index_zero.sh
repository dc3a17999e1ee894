# A 0 index (Matrix Market counts from 1) is refused at its line, not read as 0-based.
printf '%%%%MatrixMarket matrix coordinate real general\n3 3 2\n1 1 1\n0 2 1\n' > zero.mtx
"$NT" factor zero.mtx -k 1 -o out
