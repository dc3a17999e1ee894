# A custom W of the wrong size is named with both sizes; nothing is written.
"$NT" factor "$DATA/nmf/planted.mtx" -k 3 -o out --init custom --init-w "$DATA/nmf/planted.mtx" --init-h "$DATA/nmf/planted.mtx"
