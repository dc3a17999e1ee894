# A folder that does not exist is named; nothing is written.
"$NT" rank no/such/folder -k 2:3 -o out
