# An unknown language is a usage error naming it, found before any reading.
"$NT" tfidf "$DATA/dtm/tfidf_corpus" -o out --language klingon
