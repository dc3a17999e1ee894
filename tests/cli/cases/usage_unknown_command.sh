# An unknown subcommand is a usage error naming the command.
"$NT" frobnicate
