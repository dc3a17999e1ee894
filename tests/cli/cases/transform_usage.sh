# transform needs both MODEL and DIR.
"$NT" transform only-one-argument
