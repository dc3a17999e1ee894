# An unknown algorithm lists the choices.
"$NT" factor "$DATA/nmf/planted.mtx" -k 2 -o out --algorithm als
status=$?
if ls -A | grep -qv "^std"; then echo "output left behind: $(ls -A)" >&2; exit 99; fi
exit $status
