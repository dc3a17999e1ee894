# An unknown algorithm lists the choices.
"$NT" factor "$DATA/nmf/planted.mtx" -k 2 -o out --algorithm als
