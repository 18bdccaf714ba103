#!/usr/bin/env python3
"""Builds a weekly answer stream from any labelled CSV, for `productopsdash themes --week-column`.

The design (what a persistent theme tracker must get right): of N labels drawn at random,
most are present every week ("stable"), a few appear only from the middle week on ("emerging"),
a few stop after it ("fading"), and one stable label triples in one late week ("tripling": three times the mean of --min and --max).
Each label present in a week gets a random count between --min and --max answers; texts are
drawn without replacement (a label's texts are reused only when its pool runs out, and the
number reused is printed). Output columns: text,label,week, rows in week order.

  bench/make-theme-stream.py --csv ../shared/datasets/banking77/train.csv --text-column text \
      --label-column category --out stream.csv [--labels 40] [--weeks 8] [--min 6] [--max 12] [--seed 1]

Standard library only (csv handles RFC 4180 quoting).
"""
import argparse
import csv
import random
import sys


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--csv", required=True)
    p.add_argument("--text-column", default="text")
    p.add_argument("--label-column", default="label")
    p.add_argument("--out", required=True)
    p.add_argument("--labels", type=int, default=40)
    p.add_argument("--weeks", type=int, default=8)
    p.add_argument("--min", type=int, default=6)
    p.add_argument("--max", type=int, default=12)
    p.add_argument("--emerging", type=int, default=None, help="labels appearing from the middle week (N/8)")
    p.add_argument("--fading", type=int, default=None, help="labels stopping after the middle week (N/8)")
    p.add_argument("--triple-week", type=int, default=None, help="1-based week of the tripling (weeks - 2)")
    p.add_argument("--first-week", default="2026-W01")
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    if a.weeks < 3 or a.min < 1 or a.max < a.min:
        sys.exit("need --weeks >= 3 and 1 <= --min <= --max")

    pools = {}
    with open(a.csv, newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            text = (row.get(a.text_column) or "").strip()
            if text:
                pools.setdefault(row[a.label_column], []).append(text)
    rng = random.Random(a.seed)
    names = sorted(pools)
    rng.shuffle(names)
    n = min(a.labels, len(names))
    chosen = names[:n]
    emerging_n = a.emerging if a.emerging is not None else max(1, round(n / 8))
    fading_n = a.fading if a.fading is not None else max(1, round(n / 8))
    emerging = set(chosen[:emerging_n])
    fading = set(chosen[emerging_n:emerging_n + fading_n])
    stable = [c for c in chosen if c not in emerging and c not in fading]
    tripling = stable[0]
    triple_week = a.triple_week if a.triple_week is not None else a.weeks - 2
    middle = (a.weeks + 1) // 2  # week 4 of 8

    for label in chosen:
        rng.shuffle(pools[label])
    used = {label: 0 for label in chosen}
    reused = 0
    year, week = a.first_week.split("-W")
    rows = []
    for w in range(1, a.weeks + 1):
        week_id = "%s-W%02d" % (year, int(week) + w - 1)
        for label in chosen:
            if label in emerging and w < middle:
                continue
            if label in fading and w > middle:
                continue
            count = rng.randint(a.min, a.max)
            if label == tripling and w == triple_week:
                count = 3 * ((a.min + a.max) // 2)  # three times a typical week
            for _ in range(count):
                pool = pools[label]
                if used[label] >= len(pool):
                    reused += 1
                text = pool[used[label] % len(pool)]
                used[label] += 1
                rows.append((text, label, week_id))
        # Within a week, answers arrive in no particular order.
        start = len(rows) - sum(1 for r in rows if r[2] == week_id)
        block = rows[start:]
        rng.shuffle(block)
        rows[start:] = block

    with open(a.out, "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["text", "label", "week"])
        out.writerows(rows)
    print("%d rows, %d labels (%d stable, %d emerging from week %d, %d fading after week %d),"
          " '%s' tripling in week %d; %d texts reused" % (
              len(rows), n, len(stable), len(emerging), middle, len(fading), middle, tripling, triple_week, reused),
          file=sys.stderr)


if __name__ == "__main__":
    main()
