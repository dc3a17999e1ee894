# -o into a folder that does not exist fails before the survey: nothing on stdout.
"$NT" rank "$DATA/model/corpus" -k 2:3 --runs 2 -o nodir/r
