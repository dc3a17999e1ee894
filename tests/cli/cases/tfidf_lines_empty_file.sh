# --lines on an empty file: no documents, named; nothing is written.
: > empty.txt
"$NT" tfidf --lines empty.txt -o out
