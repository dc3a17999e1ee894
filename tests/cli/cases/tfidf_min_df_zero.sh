# --min-df 0 keeps nothing more than 1 would and is a usage error.
"$NT" tfidf "$DATA/dtm/tfidf_corpus" -o out --min-df 0
