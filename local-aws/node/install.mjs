// Installs the local servers' npm packages (npm ci, exactly as package-lock.json pins them) when the
// lock file changed since the last install; otherwise does nothing, so builds stay fast. Run by the
// Maven build (generate-resources); needs only Node 20+ and npm.
import { createHash } from 'node:crypto';
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const lock = createHash('sha256').update(readFileSync(join(here, 'package-lock.json'))).digest('hex');
const stamp = join(here, 'node_modules', '.installed-lock-sha256');
if (existsSync(stamp) && readFileSync(stamp, 'utf8') === lock) {
  process.exit(0);
}
execSync('npm ci --no-audit --no-fund --loglevel=error', { cwd: here, stdio: 'inherit' });
writeFileSync(stamp, lock);
