# report refuses what is not a regular file at once, naming it: a device that never ends
# (/dev/zero, which a read-it-all loader would eat memory on), a FIFO nobody writes (a
# blocking open would wait forever), a folder.
mkfifo fifo
mkdir folder
expect_status 1 timeout 20 "$NT" report /dev/zero 2> zero.err
grep -q "^nmftopics: cannot read model /dev/zero: not a regular file" zero.err || exit 96
expect_status 1 timeout 20 "$NT" report fifo 2> fifo.err
grep -q "^nmftopics: cannot read model fifo: not a regular file" fifo.err || exit 95
rm zero.err fifo.err
"$NT" report folder
