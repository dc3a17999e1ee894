# More topics than documents: a runtime error giving the limit.
"$NT" fit "$DATA/model/corpus" -k 14 --quiet
