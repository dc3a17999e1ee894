# The three files of tfidf come together: when PREFIX.docs cannot be written, an earlier
# PREFIX.mtx and PREFIX.terms stay as they were.
echo "earlier matrix" > t.mtx
echo "earlier terms" > t.terms
mkdir t.docs
"$NT" tfidf "$DATA/dtm/tfidf_corpus" -o t -q
status=$?
[ "$(cat t.mtx)" = "earlier matrix" ] && [ "$(cat t.terms)" = "earlier terms" ] \
    || { echo "earlier files replaced"; exit 99; }
exit $status
