# A folder that does not exist: a runtime error naming it, and no output folder.
"$NT" fit does/not/exist -k 3 -o out
status=$?
[ -e out ] && { echo "output folder created"; exit 99; }
exit $status
