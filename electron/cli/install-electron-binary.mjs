// `npm ci` postinstall: fetch the Electron binary where the network allows it, and never fail the install
// where it does not (offline machines, CI, proxies that block GitHub). Plain Node ESM on purpose: it runs
// right after the dependencies land, with nothing compiled, and must also be harmless in a production
// install where the `electron` dev dependency is absent.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** A stalled connection must not hold the install hostage; a real download of ~110 MB fits easily. */
const DOWNLOAD_TIMEOUT_MS = 5 * 60_000;
const LATER = '`npm start` opens web mode; run `npx install-electron` to fetch it later';

const say = (line) => process.stderr.write(`${line}\n`);

function electronDir() {
  try {
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return undefined; // --omit=dev: no desktop runtime wanted
  }
}

function hasBinary(dir) {
  const pathFile = join(dir, 'path.txt');
  return existsSync(pathFile) && existsSync(join(dir, 'dist', readFileSync(pathFile, 'utf8').trim()));
}

/** The first line a failed download printed ("TypeError: fetch failed", "RequestError: getaddrinfo …"). */
function firstLine(text) {
  const line = text.split('\n').map((l) => l.trim()).find((l) => l.length > 0) ?? 'no reason given';
  return /fetch failed|ENOTFOUND|ECONN|ETIMEDOUT|EAI_AGAIN/.test(line) ? `download server unreachable: ${line}` : line;
}

function runInstaller(dir) {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(dir, 'install.js')], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill();
      done({ ok: false, reason: `no answer within ${DOWNLOAD_TIMEOUT_MS / 60_000} minutes` });
    }, DOWNLOAD_TIMEOUT_MS);
    child.once('error', (e) => {
      clearTimeout(timer);
      done({ ok: false, reason: e.message });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      done(code === 0 ? { ok: true } : { ok: false, reason: firstLine(stderr) });
    });
  });
}

async function main() {
  const dir = electronDir();
  if (!dir) return;
  const version = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
  if (hasBinary(dir)) return;
  // Electron's own switch: machines that provide the binary another way keep working as before.
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    say(`Electron ${version} binary not downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD is set): ${LATER}.`);
    return;
  }
  const result = await runInstaller(dir);
  if (result.ok && hasBinary(dir)) say(`Electron ${version} binary installed: \`npm start\` opens the desktop app.`);
  else say(`Electron ${version} binary not downloaded (${result.ok ? 'the installer left no binary' : result.reason}): ${LATER}.`);
}

// Whatever happens, the install itself succeeds: the desktop runtime is optional, web mode is not.
await main().catch((e) => say(`Electron binary not downloaded (${e instanceof Error ? e.message : String(e)}): ${LATER}.`));
