# A PREFIX ending in '/' names no file (it would write out/.W.mtx): a usage error.
mkdir out
"$NT" factor "$DATA/nmf/planted.mtx" -k 2 -o out/
