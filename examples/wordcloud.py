#!/usr/bin/python3
"""Word clouds of nmftopics topics: one PNG per topic_NN.words.tsv.

Needs Debian's python3-wordcloud (run with /usr/bin/python3). Usage:
    nmftopics fit corpora/sotu -k 14 -o out
    examples/wordcloud.py out            # writes out/topic_01.png, out/topic_02.png, ...
    examples/wordcloud.py out --max-words 60 --width 1200 --height 800

Each topic_NN.words.tsv line is "word<TAB>weight" (the topic's row of H, heaviest first),
which is what WordCloud.generate_from_frequencies takes: word sizes follow the weights.
"""
import argparse
import glob
import os
import sys

# This script is itself named wordcloud.py: drop its own folder from the module path so
# that the import below finds the python3-wordcloud package, not this file.
_here = os.path.dirname(os.path.abspath(__file__))
sys.path = [p for p in sys.path if os.path.abspath(p or os.curdir) != _here]
from wordcloud import WordCloud  # noqa: E402


def read_weights(path):
    weights = {}
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            word, sep, weight = line.rstrip("\n").rpartition("\t")
            if not sep:
                sys.exit(f"{path}:{number}: expected word<TAB>weight")
            weights[word] = float(weight)
    return weights


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", help="an output folder of 'nmftopics fit -o'")
    ap.add_argument("--max-words", type=int, default=80)
    ap.add_argument("--width", type=int, default=800)
    ap.add_argument("--height", type=int, default=500)
    args = ap.parse_args()
    paths = sorted(glob.glob(os.path.join(args.folder, "topic_*.words.tsv")))
    if not paths:
        sys.exit(f"{args.folder}: no topic_NN.words.tsv files (run 'nmftopics fit -o' first)")
    cloud = WordCloud(width=args.width, height=args.height, max_words=args.max_words,
                      background_color="white", random_state=1)
    for path in paths:
        weights = read_weights(path)
        if not weights:
            print(f"{path}: empty topic, skipped")
            continue
        png = path[: -len(".words.tsv")] + ".png"
        cloud.generate_from_frequencies(weights).to_file(png)
        print(png)


if __name__ == "__main__":
    main()
