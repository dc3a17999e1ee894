# A write that fails half way (report.json cannot replace a folder of that name) is a
# runtime error naming the file; model.ntm, written after it, is not there (the runner
# checks that no temporary file is left).
mkdir -p out/report.json
"$NT" fit "$DATA/model/corpus" -k 3 -o out --force --quiet > /dev/null
status=$?
[ -e out/model.ntm ] && { echo "model.ntm written after a failure"; exit 98; }
exit $status
