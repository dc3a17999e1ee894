# --version prints the program name and a semantic version.
"$NT" --version | sed -E 's/[0-9]+\.[0-9]+\.[0-9]+/X.Y.Z/'
