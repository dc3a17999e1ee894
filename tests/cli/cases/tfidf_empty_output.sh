# An empty -o is a usage error (it would write the hidden files .mtx, .terms and .docs).
"$NT" tfidf "$DATA/dtm/tfidf_corpus" -o ""
