// Installs the checker's npm dependencies (exact versions from package-lock.json) when missing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

function installedVersion(dir, name) {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

/** True when every dependency of the lockfile's root is installed at its locked version. */
function upToDate(dir) {
  const lock = JSON.parse(fs.readFileSync(path.join(dir, 'package-lock.json'), 'utf8'));
  const root = lock.packages?.[''] ?? {};
  const wanted = { ...root.dependencies, ...root.devDependencies };
  return Object.keys(wanted).every(
    (name) => installedVersion(dir, name) === lock.packages[`node_modules/${name}`]?.version,
  );
}

export function ensureDependencies(dir, log) {
  if (upToDate(dir)) return;
  log('installing the checker\'s npm dependencies (npm ci) …');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: dir,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) {
    throw new Error(`npm ci failed in ${dir} (exit ${result.status ?? result.signal})`);
  }
}
