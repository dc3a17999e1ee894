# report checks the model like transform does: a flipped byte in the header's length.
"$NT" fit "$DATA/model/corpus" -k 3 -o m --quiet > /dev/null || exit 99
printf '\x01' | dd of=m/model.ntm bs=1 seek=20 conv=notrunc status=none
"$NT" report m/model.ntm
