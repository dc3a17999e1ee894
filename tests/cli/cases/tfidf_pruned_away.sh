# Terms that each occur in one document all fall below the default --min-df 2.
mkdir c
echo alpha > c/1; echo beta > c/2; echo gamma > c/3; echo delta > c/4
"$NT" tfidf c -o out
