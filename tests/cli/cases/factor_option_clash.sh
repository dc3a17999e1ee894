# Options that do not go together are a usage error found before the input is read: the
# input file does not even exist here.
"$NT" factor absent.mtx -k 2 -o out --algorithm kl --l1-w 1
