# An existing output folder is refused before any work, and left as it was.
mkdir out
echo keep > out/mine.txt
"$NT" fit "$DATA/model/corpus" -k 3 -o out
status=$?
[ "$(ls -A out)" = mine.txt ] || { echo "folder changed: $(ls -A out)"; exit 99; }
exit $status
