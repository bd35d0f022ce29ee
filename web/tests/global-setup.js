// Starts `rehearse serve --port 0` on a fresh bank in a temp folder and hands its URL
// (with the launch token) to the tests through the environment.
const { startServer } = require('./bank-server');

module.exports = async () => {
  const server = await startServer();
  process.env.REHEARSE_URL = server.url;
  global.__rehearseServer = server;
};
