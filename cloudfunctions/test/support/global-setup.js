// Builds the functions once per jest run (not once per worker): the tests run exactly what deploys.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

module.exports = async function buildFunctionsOnce() {
  const root = path.resolve(__dirname, '..', '..', '..');
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build-functions.mjs')], { stdio: 'pipe' });
};
