# -o into a folder that does not exist fails before the corpus is read.
"$NT" tfidf "$DATA/dtm/tfidf_corpus" -o nodir/t
