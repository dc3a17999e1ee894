# factor writes PREFIX.W.mtx and PREFIX.H.mtx together: when H cannot be written (a folder
# holds its name), an earlier PREFIX.W.mtx stays as it was.
echo "earlier W" > x.W.mtx
mkdir x.H.mtx
"$NT" factor "$DATA/nmf/planted.mtx" -k 2 -o x -q > /dev/null
status=$?
[ "$(cat x.W.mtx)" = "earlier W" ] || { echo "x.W.mtx was replaced"; exit 99; }
exit $status
