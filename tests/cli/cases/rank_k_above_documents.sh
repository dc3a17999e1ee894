# A k above the number of documents is refused once the matrix is built, naming k and the
# matrix, before any fit; nothing is written.
"$NT" rank "$DATA/model/corpus" -k 2:20 -o out -q
