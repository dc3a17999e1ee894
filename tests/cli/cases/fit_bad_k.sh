# k that is not a positive whole number is a usage error naming the option.
expect_status 2 "$NT" fit "$DATA/model/corpus" -k 2.5 2> half.err
grep -q "^nmftopics: fit: --rank: '2.5' is not a whole number" half.err || exit 96
expect_status 2 "$NT" fit "$DATA/model/corpus" -k -1 2> negative.err
grep -q "^nmftopics: fit: --rank: '-1' is not a whole number" negative.err || exit 95
"$NT" fit "$DATA/model/corpus" -k 0
