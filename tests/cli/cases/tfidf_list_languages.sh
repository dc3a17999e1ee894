# --list-languages lists the stemmers, marking those with a bundled stop-word list.
set -e
"$NT" tfidf --list-languages > langs
grep -Eq "^english +stemmer, stop words$" langs
grep -Eq "^porter +stemmer$" langs
[ "$(wc -l < langs)" -ge 20 ]
