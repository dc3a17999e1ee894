# Documents that are empty or hold only stop words and one-letter tokens leave no term.
mkdir c
: > c/empty.txt
echo "The and of, a I to." > c/stop.txt
"$NT" tfidf c -o out
