# -o is required.
"$NT" tfidf "$DATA/dtm/tfidf_corpus"
