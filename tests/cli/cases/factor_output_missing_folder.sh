# -o into a folder that does not exist fails at once (no factorisation, no output).
"$NT" factor "$DATA/nmf/planted.mtx" -k 2 -o nodir/x
