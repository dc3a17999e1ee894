# k that is not a positive whole number is a usage error naming the option.
"$NT" fit "$DATA/model/corpus" -k 2.5 && exit 98
"$NT" fit "$DATA/model/corpus" -k -1 && exit 97
"$NT" fit "$DATA/model/corpus" -k 0
