# A df bound written as a fraction above 1 is rejected with a hint.
"$NT" tfidf "$DATA/dtm/tfidf_corpus" -o out --max-df 2.0
