// Finds a Chromium for the browser tests, installing Debian's chromium and fonts-noto-cjk when it can
// (root on Debian). Otherwise stops with a clear message. Prints the path it found.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './chromium-path.mjs';

function hasCjkFont() {
  const r = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  return r.status === 0 && /Noto Sans CJK|Noto Serif CJK|Source Han|WenQuanYi/i.test(r.stdout);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');

function aptInstall(packages) {
  console.log(`[e2e] installing ${packages.join(' ')} with apt-get …`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env });
}

let chrome = findChromium();
const missing = [];
if (!chrome) missing.push('chromium');
if (!hasCjkFont()) missing.push('fonts-noto-cjk');

if (missing.length > 0) {
  if (isRoot && hasApt) {
    aptInstall(missing);
    chrome = findChromium();
  } else {
    console.error(
      `[e2e] Missing: ${missing.join(', ')}.\n` +
        `  On Debian/Ubuntu: sudo apt-get install -y chromium fonts-noto-cjk\n` +
        `  Or point at an existing Chrome/Chromium: CHROME_PATH=/path/to/chrome pnpm test\n` +
        '  (Without CJK fonts, Chinese renders as boxes and the screenshots are useless.)',
    );
    process.exit(1);
  }
}
if (!chrome) {
  console.error('[e2e] Chromium is still not found after installing; set CHROME_PATH.');
  process.exit(1);
}
console.log(`[e2e] using ${chrome}`);
