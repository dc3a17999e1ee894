# evaluate needs a model and a folder; a missing model file is named.
"$NT" evaluate nothing.ntm "$DATA/model/corpus" 2> model.err && exit 98
grep -q "nothing.ntm" model.err || exit 97
"$NT" evaluate nothing.ntm
