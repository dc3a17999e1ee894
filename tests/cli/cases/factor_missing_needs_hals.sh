# --missing absent with another algorithm than hals is refused; nothing is written.
"$NT" factor "$DATA/nmf/planted.mtx" -k 2 --missing absent --algorithm mu -o out
