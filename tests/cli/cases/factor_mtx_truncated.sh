# A file that ends before its declared entries is refused, saying how many it had.
printf '%%%%MatrixMarket matrix coordinate real general\n3 3 5\n1 1 1\n2 2 1\n' > short.mtx
"$NT" factor short.mtx -k 1 -o out
