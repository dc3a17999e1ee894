# One flipped byte in the middle of a model: the checksum catches it.
"$NT" fit "$DATA/model/corpus" -k 3 -o m --quiet > /dev/null || exit 99
size=$(stat -c %s m/model.ntm)
printf '\x55' | dd of=m/model.ntm bs=1 seek=$((size / 2)) conv=notrunc status=none
"$NT" transform m/model.ntm "$DATA/model/new"
