# A value that is not a number is refused at its line.
printf '%%%%MatrixMarket matrix coordinate real general\n3 3 2\n1 1 1\n2 2 x\n' > word.mtx
"$NT" factor word.mtx -k 1 -o out
