# One thread and three threads write byte-identical files.
set -e
"$NT" tfidf "$DATA/dtm/tfidf_corpus" -o one -q --threads 1 --ngrams 1-2 --min-df 1
"$NT" tfidf "$DATA/dtm/tfidf_corpus" -o three -q --threads 3 --ngrams 1-2 --min-df 1
cmp one.mtx three.mtx
cmp one.terms three.terms
cmp one.docs three.docs
