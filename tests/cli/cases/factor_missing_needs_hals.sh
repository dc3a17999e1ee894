# --missing absent with another algorithm than hals is refused; nothing is written.
"$NT" factor "$DATA/nmf/planted.mtx" -k 2 --missing absent --algorithm mu -o out
status=$?
if ls -A | grep -qv "^std"; then echo "output left behind: $(ls -A)" >&2; exit 99; fi
exit $status
