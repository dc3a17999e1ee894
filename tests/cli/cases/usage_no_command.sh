# No subcommand: usage on stderr, exit 2.
"$NT"
