#!/usr/bin/env python3
"""Regenerates the lexicons under data/lexicons/ from their published sources. Run by
hand when a source changes; the outputs are committed, so a build needs neither npm
nor WordNet.

  scripts/make_lexicons.py VADER_LEXICON_TXT [WORDNET_DICT_DIR]

VADER_LEXICON_TXT: vader_lexicon.txt from the npm package vader-sentiment 1.1.3
  (`npm pack vader-sentiment@1.1.3`, Apache-2.0; the lexicon of Hutto & Gilbert,
  "VADER: A Parsimonious Rule-based Model for Sentiment Analysis of Social Media
  Text", ICWSM 2014). Kept: each token and its mean valence (-4..+4), tab-separated.
WORDNET_DICT_DIR: WordNet 3.0's database (Debian's wordnet-base, /usr/share/wordnet).
  Kept: single words whose most frequent noun sense is a person or a group
  (lexicographer files noun.person and noun.group: "vendor", "predecessor", "team"),
  or a feeling (noun.feeling: "panic", "frustration"); and the irregular verb forms
  of verb.exc with their lemma ("built build").
"""
import os, re, sys

out = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data", "lexicons")
vader, wn = sys.argv[1], (sys.argv[2] if len(sys.argv) > 2 else "/usr/share/wordnet")

with open(os.path.join(out, "vader.tsv"), "w") as f:
    f.write("# token\tmean valence (-4..+4); from vader-sentiment 1.1.3's vader_lexicon.txt (Apache-2.0, see LICENSE.vader)\n")
    for line in open(vader, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) >= 2 and parts[0] and not parts[0].startswith("#"):
            f.write(f"{parts[0]}\t{float(parts[1]):g}\n")

data = open(os.path.join(wn, "data.noun"), "rb").read()
classes = {18: "agent", 14: "agent", 12: "feeling"}
words = {}
for line in open(os.path.join(wn, "index.noun"), encoding="latin-1"):
    if line.startswith(" "):
        continue
    parts = line.split()
    lemma, synset_cnt, p_cnt = parts[0], int(parts[2]), int(parts[3])
    if not re.fullmatch(r"[a-z]+", lemma):
        continue
    first = int(parts[4 + p_cnt + 2])  # offsets follow the pointers, sense_cnt and tagsense_cnt
    lexfile = int(data[first:first + 20].split()[1])
    if lexfile in classes:
        words[lemma] = classes[lexfile]
with open(os.path.join(out, "wordnet.tsv"), "w") as f:
    f.write("# word\tclass; from WordNet 3.0 (Princeton University, see LICENSE.wordnet): agent = most frequent noun\n"
            "# sense is a person or group, feeling = a feeling; verb = irregular verb form\tlemma (verb.exc)\n")
    for w in sorted(words):
        f.write(f"{w}\t{words[w]}\n")
    for line in open(os.path.join(wn, "verb.exc"), encoding="latin-1"):
        form, lemma = line.split()[:2]
        if re.fullmatch(r"[a-z]+", form) and re.fullmatch(r"[a-z]+", lemma):
            f.write(f"{form}\tverb\t{lemma}\n")
