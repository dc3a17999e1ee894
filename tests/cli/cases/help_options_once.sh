# Every subcommand listed by `nmftopics --help` lists each of its options exactly once in
# its --help (long names and one-letter aliases alike): an option declared by two option
# groups would be listed twice, and only the first could ever be reached.
set -e
"$NT" --help | awk '/^Commands:/ { on = 1; next } on && NF == 0 { exit } on { print $1 }' > commands
[ "$(wc -l < commands)" -ge 7 ] || { echo "too few commands found in nmftopics --help"; exit 1; }
while read -r command; do
    "$NT" "$command" --help > help
    # Option lines: "  -o, --output OUTDIR  ..." or "      --force  ...".
    sed -nE 's/^  (-[a-zA-Z], |    )--([a-z0-9-]+).*/\2/p' help > long
    sed -nE 's/^  -([a-zA-Z]), --.*/\1/p' help > short
    [ "$(wc -l < long)" -ge 2 ] || { echo "$command --help: no option lines found"; exit 2; }
    duplicate=$(sort long | uniq -d; sort short | uniq -d)
    [ -z "$duplicate" ] || { echo "$command --help lists twice:" $duplicate; exit 3; }
done < commands
