# A folder of binary files only: a warning names the skipped files, then the error (the
# last line) says why nothing is left; nothing is written. Two lines, hence the
# err-multiline marker.
mkdir b
head -c 3000 /dev/zero > b/zeros
printf 'a\0b' > b/c
"$NT" tfidf b -o out 2> err
status=$?
cat err >&2
grep -q '^nmftopics: warning: skipped 2 binary documents' err || exit 95
tail -1 err | grep -q '^nmftopics: no documents left' || exit 96
exit $status
