# A missing folder is named; nothing is written.
"$NT" tfidf no_such_folder -o out
