# A stop-word file that cannot be read is named; nothing is written.
"$NT" tfidf "$DATA/dtm/tfidf_corpus" -o out --stopwords no_such_list.txt
