// Runs write-good over every answer of a JSONL file (the one `rehearse lint --jsonl`
// reads) and prints one line per answer, so that both tools do the same work and
// hyperfine can time them side by side.
const fs = require('fs');
const writeGood = require('write-good');
const lines = fs.readFileSync(process.argv[2] === '-' ? 0 : process.argv[2], 'utf8').split('\n');
const out = [];
for (const line of lines) {
  if (!line.trim()) continue;
  const answer = JSON.parse(line);
  out.push(JSON.stringify({ id: answer.id, findings: writeGood(answer.text) }));
}
process.stdout.write(out.join('\n') + '\n');
