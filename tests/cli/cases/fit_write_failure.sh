# A write that fails half way (report.json cannot replace a folder of that name) is a
# runtime error naming the file; no temporary file is left and model.ntm, written after
# it, is not there.
mkdir -p out/report.json
"$NT" fit "$DATA/model/corpus" -k 3 -o out --force --quiet > /dev/null
status=$?
if ls -A out | grep -q '\.tmp\.'; then echo "temporary file left: $(ls -A out)"; exit 99; fi
[ -e out/model.ntm ] && { echo "model.ntm written after a failure"; exit 98; }
exit $status
