# transform needs MODEL and the documents (DIR, --files-from or --lines).
"$NT" transform only-one-argument
