# evaluate needs a model and a folder; a missing model file is named.
expect_status 1 "$NT" evaluate nothing.ntm "$DATA/model/corpus" 2> model.err
grep -q "nothing.ntm" model.err || exit 96
"$NT" evaluate nothing.ntm
