# A folder and --lines together are a usage error.
echo "one line" > lines.txt
"$NT" tfidf "$DATA/dtm/tfidf_corpus" --lines lines.txt -o out
