# --min-df above --max-df is a usage error naming both values.
"$NT" tfidf "$DATA/dtm/tfidf_corpus" -o out --min-df 5 --max-df 3
