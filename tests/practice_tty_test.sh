#!/usr/bin/env bash
# The interactive `rehearse practice` as a person uses it, driven through tmux: the
# question, the pause, the live clock on the top line, an answer, feedback and a
# follow-up; then Ctrl-C halfway through the next answer must leave only the first
# answer saved. Usage: practice_tty_test.sh path/to/rehearse
set -euo pipefail
bin=$1
command -v tmux >/dev/null || { echo "tmux is not installed: skipped"; exit 77; }
dir=$(mktemp -d)
sock="rehearse-test-$$"
cleanup() { tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$dir"; }
trap cleanup EXIT
export REHEARSE_DB="$dir/bank.db" XDG_CONFIG_HOME="$dir"
"$bin" import --demo >/dev/null 2>&1

fail() { echo "FAIL: $*"; echo "--- screen:"; tmux -L "$sock" capture-pane -p -t p || true; exit 1; }
screen() { tmux -L "$sock" capture-pane -p -t p; }
# Waits up to 10 s for the screen to match an extended regex.
wait_for() {
  for _ in $(seq 100); do
    screen | grep -Eq -- "$1" && return 0
    sleep 0.1
  done
  fail "the screen never showed /$1/"
}
keys() { tmux -L "$sock" send-keys -t p "$@"; }

tmux -L "$sock" new-session -d -s p -x 250 -y 50 \
  "'$bin' practice --company amazon --kind normal --seed 4 --think 1; echo \$? > '$dir/exit'; sleep 60"

wait_for '^\[Enter\] start · h hint · s skip · q quit'
keys h Enter
wait_for '^Framework: [A-Z]+ · story: q[0-9]+'
keys Enter
wait_for 'Pause and pick your story'
wait_for '^ 0:0[0-9] / 3:00  now: '
first=$(screen | head -n 1)
sleep 2.2
second=$(screen | head -n 1)
[[ "$first" != "$second" ]] || fail "the clock did not move: '$first'"
echo "clock: '$first' -> '$second'"

keys "Situation: At Parcelwise the nightly settlement job failed twice a week." Enter
keys "Action: We read the logs and we found the job raced the ledger export. We moved the job after the export." Enter
keys "Result: Failures went from 2 a week to 0 over 3 months." Enter
keys "." Enter
wait_for '^Score [0-9]+/100 · [0-9]+ words'
wait_for '^The interviewer follows up: You said "We read the logs and we found the job raced the ledger export"\. What was your part, specifically'
screen | head -n 1 | grep -q '3:00' && fail "the clock line stayed after the answer"
keys "." Enter
wait_for '^\[Enter\] next question · q quit'
keys Enter
wait_for '^── Question 2 \(normal\) ──'
keys Enter
wait_for '^ 0:0[0-9] / 3:00  now: '
keys "Situation: this answer is cut off halfway" Enter
keys C-c
for _ in $(seq 100); do [[ -s "$dir/exit" ]] && break; sleep 0.1; done
[[ "$(cat "$dir/exit")" == 130 ]] || fail "exit status $(cat "$dir/exit" 2>/dev/null), expected 130"
wait_for '^Stopped\. 1 answer saved this session; the one in progress was not saved\.'

# Only the complete answer is in the bank, and the bank is whole.
answers=$("$bin" practice progress --json | grep -o '"answers":[0-9]*')
[[ "$answers" == '"answers":1' ]] || fail "expected one saved answer, found $answers"
"$bin" practice due --json | grep -q '"story":"q' || fail "practice due lists no story"
echo "interactive practice under tmux: ok"
