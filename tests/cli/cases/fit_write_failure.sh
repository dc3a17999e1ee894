# A write that fails half way (report.json cannot replace a folder of that name) is a
# runtime error naming the file, and no file of the run is put in place: fit writes its
# files as one set (the runner checks that only the folders listed in .files remain).
mkdir -p out/report.json
"$NT" fit "$DATA/model/corpus" -k 3 -o out --force --quiet > /dev/null
status=$?
[ -e out/model.ntm ] && { echo "model.ntm written after a failure"; exit 98; }
exit $status
