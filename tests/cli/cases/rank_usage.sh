# Without -k, or with a hold-out share above 0.5, rank is a usage error naming the option.
expect_status 2 "$NT" rank "$DATA/model/corpus" --holdout 0.7 2> holdout.err
grep -q "rank: --holdout: '0.7' is not a number from 1e-06 to 0.5" holdout.err || exit 96
"$NT" rank "$DATA/model/corpus"
