# The cross-validation fits need hals or mu: kl is refused before the corpus is read (the
# folder does not even exist here).
"$NT" rank absent -k 2 --algorithm kl
