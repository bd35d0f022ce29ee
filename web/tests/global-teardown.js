const fs = require('fs');

module.exports = async () => {
  if (global.__rehearseServer) global.__rehearseServer.kill('SIGTERM');
  if (process.env.REHEARSE_E2E_DIR) fs.rmSync(process.env.REHEARSE_E2E_DIR, { recursive: true, force: true });
};
