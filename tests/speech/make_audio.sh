#!/usr/bin/env bash
# Speaks a script of parts (see answer.txt) into a 16 kHz mono WAV with espeak-ng and
# sox, for the speech tests: make_audio.sh SCRIPT OUT.wav. Beside OUT.wav it writes
# OUT.parts: one line per part, "say|pause START END TEXT", times in seconds, so that
# tests know where every sentence and silence really is. No dither (-D, -R): the
# same script gives the same bytes on every build. Exits 77 (skip) without the
# tools.
set -euo pipefail
script=$1 out=$2
command -v espeak-ng >/dev/null && command -v sox >/dev/null || { echo "make_audio: needs espeak-ng and sox" >&2; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The second Klatt voice at 130 words a minute is the one PocketSphinx hears best.
voice=(-v en-us+klatt2 -s 130)
parts=() n=0 at=0
: > "$out.parts.tmp"
while IFS= read -r line; do
  [[ -z $line || $line == \#* ]] && continue
  kind=${line%%:*} text=${line#*: }
  n=$((n + 1))
  part="$tmp/$(printf %03d $n).wav"
  case $kind in
    say) espeak-ng "${voice[@]}" -w "$tmp/raw.wav" "$text"
         sox -R -D "$tmp/raw.wav" -r 16000 -c 1 -b 16 "$part" gain -n -3 ;;
    pause) sox -R -D -n -r 16000 -c 1 -b 16 "$part" trim 0 "$text" ;;
    *) echo "$script: bad line: $line" >&2; exit 1 ;;
  esac
  len=$(soxi -D "$part")
  end=$(awk -v a="$at" -v b="$len" 'BEGIN { printf "%.3f", a + b }')
  printf '%s %.3f %.3f %s\n' "$kind" "$at" "$end" "$text" >> "$out.parts.tmp"
  at=$end
  parts+=("$part")
done < "$script"
sox -R -D "${parts[@]}" "$out"
mv "$out.parts.tmp" "$out.parts"
