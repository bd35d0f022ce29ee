#!/usr/bin/env python3
"""Measures `rehearse lint` on a labeled answer set: precision and recall per rule, and
whether the score means what a coach means.

Usage: scripts/lint_eval.py [--bin PATH] [--show-misses] SET.jsonl [SET.jsonl ...]
  default sets: tests/lint_corpus/fresh_tune.jsonl and tests/lint_corpus/fresh_test.jsonl
  (fresh_test is the held-out split: read its figures, never tune on its misses).

Each line of a set: {"id","framework","spoken","question","text","fires":[rule ids],
"clean_of":[rule ids]}. Scoring follows the development set's scorer: a reported rule
in `fires` is a true positive, one not reported a miss, a reported rule in `clean_of` a
false alarm; rules in neither list are not scored.

Score figures: the median score of the clean answers (`fires` empty), the median of the
answers with an error-level fault (a rule in `fires` whose level, per
`rehearse lint --list-rules`, is error) and the ROC AUC of the score separating clean
answers from faulty ones (the probability that a clean answer outscores a faulty one,
ties counting half; Hanley & McNeil 1982).
A measurement, not a test: exit 0 always, 2 when the binary cannot run.
"""
import argparse, collections, json, os, statistics, subprocess, sys, tempfile

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ap = argparse.ArgumentParser()
ap.add_argument("--bin", default=os.path.join(root, "build", "release", "rehearse"))
ap.add_argument("--show-misses", action="store_true")
ap.add_argument("sets", nargs="*", default=[os.path.join(root, "tests", "lint_corpus", f)
                                            for f in ("fresh_tune.jsonl", "fresh_test.jsonl")])
a = ap.parse_args()
env = dict(os.environ, REHEARSE_DB=os.path.join(tempfile.mkdtemp(), "bank.db"))


def run(args, feed=None):
    try:
        return subprocess.run([a.bin] + args, input=feed, capture_output=True, text=True, env=env, timeout=300)
    except OSError as e:
        print(f"lint_eval: cannot run {a.bin}: {e}")
        sys.exit(2)


levels = {}
for line in run(["lint", "--list-rules"]).stdout.splitlines():
    parts = line.split()
    if len(parts) >= 2:
        levels[parts[0]] = parts[1]


def auc(pos, neg):
    if not pos or not neg:
        return float("nan")
    wins = sum(1.0 if p > n else 0.5 if p == n else 0.0 for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


for path in a.sets:
    data = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
    feed = "".join(json.dumps({"id": d["id"], "framework": d["framework"], "text": d["text"],
                               "spoken": d.get("spoken", False)}) + "\n" for d in data)
    p = run(["lint", "--jsonl", "-"], feed)
    got, score = {}, {}
    for line in p.stdout.splitlines():
        try:
            r = json.loads(line)
            got[r["id"]] = {f["rule"] for f in r.get("findings", [])}
            score[r["id"]] = r["score"]
        except (ValueError, KeyError):
            pass
    if len(got) != len(data):
        print(f"lint_eval: {len(got)} of {len(data)} answers came back (exit {p.returncode}): {p.stderr.strip()[:300]}")
        sys.exit(2)
    tp, fp, fn = collections.Counter(), collections.Counter(), collections.Counter()
    misses = []
    for d in data:
        g = got[d["id"]]
        for rule in d["fires"]:
            if rule in g:
                tp[rule] += 1
            else:
                fn[rule] += 1
                misses.append((d["id"], "missed", rule))
        for rule in d["clean_of"]:
            if rule in g:
                fp[rule] += 1
                misses.append((d["id"], "false alarm", rule))
    print(f"== {os.path.relpath(path)}")
    print(f"{'rule':28s} {'P':>5s} {'R':>5s}   tp  fp  fn")
    for rule in sorted(set(tp) | set(fp) | set(fn)):
        pr = tp[rule] / (tp[rule] + fp[rule]) if tp[rule] + fp[rule] else float("nan")
        rc = tp[rule] / (tp[rule] + fn[rule]) if tp[rule] + fn[rule] else float("nan")
        print(f"{rule:28s} {pr:5.2f} {rc:5.2f}  {tp[rule]:3d} {fp[rule]:3d} {fn[rule]:3d}")
    T, F, N = sum(tp.values()), sum(fp.values()), sum(fn.values())
    print(f"precision {T / max(1, T + F):.2f}, recall {T / max(1, T + N):.2f} "
          f"({T} found, {F} false alarms, {N} missed, {len(data)} answers)")
    clean = [score[d["id"]] for d in data if not d["fires"]]
    faulty = [score[d["id"]] for d in data if d["fires"]]
    errors = [score[d["id"]] for d in data if any(levels.get(r) == "error" for r in d["fires"])]
    med = lambda xs: statistics.median(xs) if xs else float("nan")
    print(f"score: median {med(clean):.0f} clean ({len(clean)}), {med(errors):.0f} with an error-level fault "
          f"({len(errors)}), {med(faulty):.0f} faulty ({len(faulty)}); AUC clean vs faulty {auc(clean, faulty):.3f}")
    if a.show_misses:
        for m in misses:
            print("  ", *m)
