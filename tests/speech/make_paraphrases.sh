#!/usr/bin/env bash
# Speaks every line of a paraphrase file ("KEY: text", see paraphrases.txt) in each
# voice into OUT/VOICE/KEY.wav (16 kHz mono, 16-bit), with espeak-ng and sox:
# make_paraphrases.sh PARAPHRASES OUT. No dither (-D, -R): the same text gives the
# same bytes on every build. Exits 77 (skip) without the tools.
set -euo pipefail
script=$1 out=$2
command -v espeak-ng >/dev/null && command -v sox >/dev/null || { echo "make_paraphrases: needs espeak-ng and sox" >&2; exit 77; }
# name, espeak-ng voice, words a minute: two synthetic speakers that differ in voice
# source (Klatt formant synthesis against espeak-ng's own) and pace.
voices=("klatt2 en-us+klatt2 130" "default en-us 150")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for v in "${voices[@]}"; do
  read -r name voice wpm <<< "$v"
  mkdir -p "$tmp/$name"
  while IFS= read -r line; do
    [[ -z $line || $line == \#* ]] && continue
    key=${line%%:*} text=${line#*: }
    espeak-ng -v "$voice" -s "$wpm" -w "$tmp/raw.wav" "$text"
    # Half a second of silence either side, as a recording has.
    sox -R -D "$tmp/raw.wav" -r 16000 -c 1 -b 16 "$tmp/$name/$key.wav" gain -n -3 pad 0.5 0.5
  done < "$script"
done
mkdir -p "$out"
for v in "${voices[@]}"; do
  read -r name _ <<< "$v"
  rm -rf "${out:?}/$name"
  mv "$tmp/$name" "$out/$name"
done
