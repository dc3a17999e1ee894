# SIGINT while fit writes its files (the output folder is created just before the first
# file), at several moments of the writing: no temporary file is left and every file
# present is complete (the model loads, the JSON parses, word files have all their lines).
. "$SRC/tests/cli/cases/fit_shape.inc"
interrupted=0
for delay in 0 0.05 0.15 0.3; do
    rm -rf out
    "$NT" fit "$SRC/corpora/sotu" -k 12 --cloud-words 100000 --top-terms 1000 --threads 1 \
        -o out --quiet > /dev/null &
    pid=$!
    while [ ! -d out ] && kill -0 $pid 2> /dev/null; do sleep 0.005; done
    sleep $delay
    kill -INT $pid 2> /dev/null
    wait $pid
    [ $? = 130 ] && interrupted=$((interrupted + 1))
    if ls -A out | grep -q '\.tmp\.'; then echo "after ${delay}s: temporary file left"; exit 1; fi
    [ ! -e out/report.json ] || /usr/bin/python3 -m json.tool out/report.json > /dev/null || { echo "after ${delay}s: partial report.json"; exit 2; }
    [ ! -e out/model.ntm ] || "$NT" report out/model.ntm > /dev/null || { echo "after ${delay}s: partial model"; exit 3; }
    [ ! -e out/doc_topics.tsv ] || check_doc_topics out/doc_topics.tsv 12 233
    for f in out/topic_*.words.tsv; do
        [ -e "$f" ] || continue
        [ "$(wc -l < "$f")" -gt 1000 ] || { echo "after ${delay}s: short $f"; exit 4; }
    done
done
# At least the run killed at once must have been cut short while writing.
[ $interrupted -ge 1 ] || { echo "no run was interrupted"; exit 5; }
