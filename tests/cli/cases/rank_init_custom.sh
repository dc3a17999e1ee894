# rank has no custom starting factors: --init custom is a usage error that names no option
# rank does not offer.
"$NT" rank "$DATA/model/corpus" -k 2 --init custom
