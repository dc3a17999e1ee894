# An empty -o is a usage error (it would write the hidden files .W.mtx and .H.mtx).
"$NT" factor "$DATA/nmf/planted.mtx" -k 2 -o ""
