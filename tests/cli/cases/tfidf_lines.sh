# --lines: one document per line, empty lines kept as empty rows, names FILE:LINE.
set -e
printf 'markets rallied today\n\nmarkets fell today\nmarkets\n' > lines.txt
"$NT" tfidf --lines lines.txt -o out -q --min-df 1 --max-df 1.0
[ "$(cat out.docs)" = "$(printf 'lines.txt:1\nlines.txt:2\nlines.txt:3\nlines.txt:4')" ]
grep -v "^%" out.mtx | head -1 | grep -Eqx "4 [0-9]+ [0-9]+"
grep -q "^market	markets	3$" out.terms
