# An index above the declared size is refused at its line.
printf '%%%%MatrixMarket matrix coordinate real general\n3 3 1\n1 4 1\n' > above.mtx
"$NT" factor above.mtx -k 1 -o out
