# No DIR at all is a usage error.
"$NT" fit -k 3
