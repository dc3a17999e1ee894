# --files-from: the listed files, in the listed order.
set -e
echo "alpha beta" > b.txt
echo "beta gamma" > a.txt
printf 'b.txt\na.txt\n' > list
"$NT" tfidf --files-from list -o out -q --min-df 1 --max-df 1.0 --no-stem
[ "$(cat out.docs)" = "$(printf 'b.txt\na.txt')" ]
[ "$(cut -f1 out.terms | tr '\n' ' ')" = "alpha beta gamma " ]
