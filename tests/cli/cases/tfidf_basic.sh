# The default run on the in-repo corpus writes three aligned files and a summary line.
set -e
"$NT" tfidf "$DATA/dtm/tfidf_corpus" -o out 2> summary
grep -Eq "^tfidf: 30 documents \(0 binary skipped, 0 read as Latin-1, [0-9]+ empty rows\), [0-9]+ terms, [0-9]+ nonzeros; .* built in [0-9.]+ s, written in [0-9.]+ s -> out\.\{mtx,terms,docs\}$" summary
terms=$(wc -l < out.terms)
[ "$(wc -l < out.docs)" = 30 ]
sed -n 1p out.docs | grep -qx "doc01.txt"
grep -q "^%%MatrixMarket matrix coordinate real general" out.mtx
grep -v "^%" out.mtx | head -1 | grep -Eqx "30 $terms [0-9]+"
# every terms line is stem TAB surface TAB df, sorted byte-wise by stem
awk -F'\t' 'NF != 3 || $3 !~ /^[0-9]+$/ { exit 1 }' out.terms
cut -f1 out.terms | LC_ALL=C sort -c
# stemming maps "governments" to "govern", whose most frequent surface is kept
grep -q "^govern	government	" out.terms
