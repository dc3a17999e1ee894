# rank --help lists its own options and the shared groups, each option once: the NMF group
# leaves out -k, --runs and the custom starting factors, which rank sets or cannot use.
set -e
"$NT" rank --help > help
for option in "-k, --rank LIST" "--runs N" "--holdout SHARE" "--top-terms N" \
              "--consensus-docs N" "-o, --output PREFIX" "--json" "--min-df N|F" \
              "--algorithm NAME" "--seed N" "--missing MODE" "--threads N"; do
    grep -qF -- "$option" help || { echo "rank --help lacks $option"; exit 1; }
done
[ "$(grep -c -- '--runs N' help)" = 1 ] && [ "$(grep -c -- '--threads N' help)" = 1 ]
! grep -q -- "--init-w" help
# --init offers only what the cross-validation fits accept.
grep -- "--init NAME" help | grep -qv custom
