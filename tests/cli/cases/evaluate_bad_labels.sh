# A labels file that cannot be read, or a line without a label, is named; exit status 1.
set -e
"$NT" fit "$DATA/model/corpus" -k 3 -o fit -q > /dev/null
expect_status 1 "$NT" evaluate fit/model.ntm "$DATA/model/corpus" --labels missing.tsv -q 2> missing.err
grep -q "cannot open labels file missing.tsv: No such file or directory" missing.err || exit 96
printf 'astro1.txt\tastro\ncook1.txt\n' > labels.tsv
"$NT" evaluate fit/model.ntm "$DATA/model/corpus" --labels labels.tsv -q
