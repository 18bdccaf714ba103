#!/usr/bin/env python3
"""Builds a CSV of N distinct answer texts (columns text,label) for the theme scale benchmark.

Every labelled text of the given CSV files (columns text,label) is used once, in a seeded shuffle;
when N is larger than that, further texts are composed of two texts of the same file and label
("A B"), so that the added answers keep the topic structure of the originals instead of being
noise. The label is "<file stem>:<label>". Duplicates are never written.

  bench/make-scale-texts.py --n 100000 --out /tmp/scale-100k.csv [--seed 7] CSV...
"""
import argparse
import csv
import os
import random
import sys


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--n", type=int, required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("inputs", nargs="+")
    a = p.parse_args()
    rnd = random.Random(a.seed)
    by_label = {}
    originals = []
    for path in a.inputs:
        stem = os.path.splitext(os.path.basename(path))[0]
        with open(path, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                text = " ".join((row.get("text") or "").split())
                if not text:
                    continue
                label = stem + ":" + str(row.get("label", ""))
                originals.append((text, label))
                by_label.setdefault(label, []).append(text)
    rnd.shuffle(originals)
    seen = set()
    out = []
    for text, label in originals:
        if len(out) == a.n:
            break
        if text not in seen:
            seen.add(text)
            out.append((text, label))
    labels = sorted(l for l, ts in by_label.items() if len(ts) >= 2)
    weights = [len(by_label[l]) for l in labels]
    tries = 0
    while len(out) < a.n:
        tries += 1
        if tries > 50 * a.n:
            sys.exit("could not compose %d distinct texts from %d originals" % (a.n, len(originals)))
        label = rnd.choices(labels, weights)[0]
        x, y = rnd.sample(by_label[label], 2)
        text = x + " " + y
        if text not in seen:
            seen.add(text)
            out.append((text, label))
    # One shuffle of originals and composed texts, so that every prefix (the benchmark's --n) has
    # the same mix of short and composed answers and sizes compare like with like.
    rnd.shuffle(out)
    with open(a.out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["text", "label"])
        w.writerows(out)
    print("wrote %d texts (%d originals, %d composed) to %s" % (len(out), min(len(originals), a.n), max(0, a.n - len(originals)), a.out))


if __name__ == "__main__":
    main()
