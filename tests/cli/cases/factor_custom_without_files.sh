# --init custom needs both factor files.
"$NT" factor "$DATA/nmf/planted.mtx" -k 2 -o out --init custom --init-w w.mtx
