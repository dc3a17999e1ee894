# fit --help lists the options of every group, each with its default.
set -e
"$NT" fit --help > help
for option in "--top-terms N" "--top-docs N" "-o, --output OUTDIR" "--force" "--cloud-words N" \
              "--min-df N|F" "--max-df N|F" "--language LANG" "--norm NORM" "-k, --rank K" \
              "--algorithm NAME" "--seed N" "--quiet" "--progress" "--files-from FILE" \
              "--lines FILE"; do
    grep -qF -- "$option" help || { echo "fit --help lacks $option"; exit 1; }
done
grep -q "top-terms N .*(default: 10)" help
# One --threads drives both stages, and says so.
grep -q -- "--threads N .*tokenizing, and the factorisation" help
[ "$(grep -c '^  .*--' help)" -gt 30 ]
