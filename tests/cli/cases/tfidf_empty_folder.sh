# A folder without documents is an error naming it; nothing is written.
mkdir empty_corpus
"$NT" tfidf empty_corpus -o out
