// A rehearse server of a test's own, on a fresh bank in a temp folder, for specs that
// need a bank of a given size or a practice record no other spec touches. The shared
// server of global-setup.js stays as it is.
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const bin = () => process.env.REHEARSE_BIN || path.resolve(__dirname, '../../build/release/rehearse');

// Starts `rehearse serve --port 0` on an empty bank. Resolves to
// { db, url, origin, token, auth, stop() }.
async function startServer() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-e2e-own-'));
  const server = spawn(bin(), ['serve', '--port', '0', '--db', path.join(dir, 'bank.db')],
    { env: Object.assign({}, process.env, { XDG_CONFIG_HOME: dir }), stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('rehearse serve printed no address: ' + out)), 15000);
    server.stdout.on('data', chunk => {
      out += chunk;
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]+/);
      if (m) { clearTimeout(timer); resolve(m[0]); }
    });
    server.on('exit', code => reject(new Error('rehearse serve exited with ' + code + ': ' + out)));
  });
  const token = url.split('#token=')[1];
  return {
    db: path.join(dir, 'bank.db'),
    url,
    origin: url.split('/#')[0],
    token,
    auth: { Authorization: 'Bearer ' + token },
    stop: async () => {
      const exited = new Promise(resolve => server.on('exit', resolve));
      server.kill('SIGTERM');
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

// A guide of `count` stories in the importer's shape, each different, written for
// these tests: STAR sections with a figure in every result, and a values table so
// that the coverage heatmap has mapped cells as well as inferred ones.
function generateGuide(count) {
  const verbs = ['cut the cost of', 'rescued', 'simplified', 'sped up', 'took over', 'migrated', 'untangled', 'secured',
    'measured', 'rebuilt', 'documented', 'automated'];
  const things = ['the nightly billing job', 'a flaky deploy pipeline', 'the search index', 'an on-call rota',
    'the mobile sign-up flow', 'a shared test cluster', 'the pricing service', 'an abandoned data export',
    'the audit log', 'a slow admin dashboard', 'the image resizer', 'a vendor integration', 'the release checklist'];
  const projects = ['Harbor', 'Lantern', 'Quill', 'Marlin', 'Orchard', 'Tundra', 'Beacon'];
  const values = ['Customer Obsession', 'Ownership', 'Invent and Simplify', 'Dive Deep', 'Deliver Results',
    'Bias for Action', 'Frugality', 'Earn Trust'];
  const lines = ['# Practice guide for the browser tests', ''];
  for (let i = 1; i <= count; ++i) {
    const verb = verbs[i % verbs.length];
    const thing = things[(i * 7) % things.length];
    const project = projects[i % projects.length];
    const before = 10 + (i * 13) % 80;
    const after = 1 + (i * 5) % 9;
    lines.push(`### Q${i}: Tell me about a time you ${verb} ${thing} (case ${i}).`, '',
      `**Project: ${project} - Case ${i}**`, '',
      '**Situation:**',
      `At ${project}, ${thing} had become a weekly problem for ${20 + i} engineers and the quarter's deadline was close.`, '',
      '**Task:**',
      `I was responsible for it and had to fix it without stopping the ${project} releases.`, '',
      '**Action:**',
      `I measured where the time went, wrote a plan for the ${i % 2 ? 'riskiest' : 'slowest'} step and proposed it to my lead. ` +
      `I built the change behind a flag, tested it on a copy of production and rolled it out in ${2 + (i % 4)} stages. ` +
      'When the first stage showed a regression, I rolled it back, fixed the cause and tried again.', '',
      '**Result:**',
      `The work dropped from ${before} hours a week to ${after} hours, and ${i % 3 + 1} teams adopted the approach.`, '');
  }
  lines.push('## Amazon Leadership Principles Mapping', '', '| Principle | Stories |', '|---|---|');
  values.forEach((v, j) => {
    const keys = [];
    for (let i = 1 + j; i <= count; i += values.length + 3) keys.push('Q' + i);
    lines.push(`| ${v} | ${keys.join(', ')} |`);
  });
  return lines.join('\n') + '\n';
}

// A fresh server whose bank holds `count` generated stories.
async function serverWithStories(count) {
  const s = await startServer();
  const res = await fetch(`${s.origin}/api/import?name=generated.md`,
    { method: 'POST', headers: Object.assign({ 'Content-Type': 'text/markdown' }, s.auth), body: generateGuide(count) });
  const body = await res.json();
  if (!res.ok || body.stories !== count) {
    await s.stop();
    throw new Error(`importing ${count} generated stories: ${JSON.stringify(body)}`);
  }
  return s;
}

module.exports = { bin, startServer, generateGuide, serverWithStories };
