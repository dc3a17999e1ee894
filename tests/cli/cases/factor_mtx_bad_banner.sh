# A misspelt Matrix Market banner is refused naming the file and line, not read as something.
printf '%%%%MatrixMarket matrix coordinat real general\n3 3 1\n1 1 1\n' > bad.mtx
"$NT" factor bad.mtx -k 1 -o out
