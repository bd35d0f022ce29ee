module.exports = async () => {
  if (global.__rehearseServer) await global.__rehearseServer.stop();
};
