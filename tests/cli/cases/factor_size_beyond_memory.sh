# A 3-line file declaring 2e7 x 2e7 would need 1.12 GB of factors: with a 1 GB budget it
# is refused at once (within the time limit) instead of taking the memory page by page.
printf '%%%%MatrixMarket matrix coordinate real general\n20000000 20000000 1\n1 1 1\n' > huge.mtx
NT_MEMORY_LIMIT=1e9 timeout 60 "$NT" factor huge.mtx -k 1 -o out
