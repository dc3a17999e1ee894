# A labels file that cannot be read is found before any work: here neither the model nor
# the corpus exists, and the labels file is what the error names.
"$NT" evaluate absent.ntm absent --labels missing.tsv
