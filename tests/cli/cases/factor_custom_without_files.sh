# --init custom needs both factor files.
"$NT" factor "$DATA/nmf/planted.mtx" -k 2 -o out --init custom --init-w w.mtx
status=$?
if ls -A | grep -qv "^std"; then echo "output left behind: $(ls -A)" >&2; exit 99; fi
exit $status
