// Starts `rehearse serve --port 0` on a fresh bank and hands its URL (with the
// launch token) to the tests through the environment.
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

module.exports = async () => {
  const bin = process.env.REHEARSE_BIN || path.resolve(__dirname, '../../build/release/rehearse');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-e2e-'));
  const server = spawn(bin, ['serve', '--port', '0', '--db', path.join(dir, 'bank.db')],
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
  process.env.REHEARSE_URL = url;
  process.env.REHEARSE_E2E_DIR = dir;
  global.__rehearseServer = server;
};
