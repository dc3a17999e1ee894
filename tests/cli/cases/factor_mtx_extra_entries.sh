# More entries than the size line declares: refused at the first extra line, not dropped.
printf '%%%%MatrixMarket matrix coordinate real general\n3 3 1\n1 1 1\n2 2 1\n3 3 4\n' > extra.mtx
"$NT" factor extra.mtx -k 1 -o out
