import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import { ms, percentiles } from './stats';
import { freePort } from '../testing/free-port';

/**
 * `npm run bench -- soak`: a long shift in a few minutes. Starts the real companion as `npm start -- --web`
 * does (its own process, demo simulator included), signs a contract socket in like the renderer, then sends
 * 2,000 calls with hang-ups and 1,000 without through the bridge WebSocket and the 3CX `/call` URL. Prints
 * crashes, ack p95 per phase (target ≤ 50 ms) and the companion's RSS after 30 s idle (target ≤ 300 MB).
 */
const START = fileURLToPath(new URL('../../electron/cli/start.ts', import.meta.url));
const WITH_HANGUP = Number(process.env.SOAK_CALLS ?? 2000);
const WITHOUT_HANGUP = Number(process.env.SOAK_OPEN_CALLS ?? 1000);
const IDLE_MS = Number(process.env.SOAK_IDLE_MS ?? 30_000);

const rssMb = async (pid: number): Promise<number> => {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
};

function startCompanion(config: string, dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [...(process.env.SOAK_NODE_ARGS?.split(' ').filter(Boolean) ?? []), '--import', 'tsx', START, '--web', '--port', '0', '--config', config, '--data-dir', dataDir], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, ITOP_CTI_EXIT_WITH_STDIN: '1' },
  });
  let err = '';
  child.stderr?.on('data', (c: Buffer) => void (err = (err + c.toString('utf8')).slice(-4000)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the companion printed no URL within 60 s\n${err}`)), 60_000);
    child.once('exit', (code) => reject(new Error(`the companion exited (code ${code})\n${err}`)));
    child.stdout?.on('data', (c: Buffer) => {
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(c.toString('utf8'));
      if (!m?.[1]) return;
      clearTimeout(timer);
      resolve({ child, url: m[1] });
    });
  });
}

/** The renderer's side: the sign-in cookie, then the contract socket receiving every pushed snapshot. */
async function openContractSocket(url: string): Promise<{ pushes: () => number; close: () => void }> {
  const signIn = new URL(url);
  const cookie = await new Promise<string>((resolve, reject) => {
    request({ host: signIn.hostname, port: signIn.port, path: `${signIn.pathname}${signIn.search}` }, (res) => {
      res.resume();
      resolve((res.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '');
    })
      .on('error', reject)
      .end();
  });
  const ws = new WebSocket(`ws://${signIn.host}/contract`, { headers: { cookie, origin: signIn.origin } });
  let pushes = 0;
  ws.on('message', () => void (pushes += 1));
  await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
  return { pushes: () => pushes, close: () => ws.close() };
}

/** A bridge that sends one frame at a time and times the companion's answer. */
async function connectBridge(port: number, token: string) {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/cti`, { headers: { Authorization: `Bearer ${token}` } });
  await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
  const waiting: ((frame: Record<string, unknown>) => void)[] = [];
  ws.on('message', (d) => waiting.shift()?.(JSON.parse(String(d)) as Record<string, unknown>));
  return {
    async send(frame: Record<string, unknown>): Promise<number> {
      const started = performance.now();
      const reply = await new Promise<Record<string, unknown>>((resolve) => {
        waiting.push(resolve);
        ws.send(JSON.stringify(frame));
      });
      if (!('ack' in reply)) throw new Error(`bridge frame refused: ${JSON.stringify(reply)}`);
      return performance.now() - started;
    },
    close: () => ws.close(),
  };
}

const contactUrl = (port: number, phone: string) =>
  new Promise<number>((resolve, reject) => {
    const started = performance.now();
    request({ host: '127.0.0.1', port, path: `/call?phone=${encodeURIComponent(phone)}&name=Soak` }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`/call answered ${res.statusCode}`))));
    })
      .on('error', reject)
      .end();
  });

const line = (label: string, samples: number[]) => {
  const p = percentiles(samples);
  return `soak ${label}: ack p50 ${ms(p.p50)}, p95 ${ms(p.p95)} (target ≤ 50 ms), max ${ms(p.max)}, n=${p.n}`;
};

export async function runSoakBench(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'cti-soak-'));
  const ctiPort = await freePort();
  const token = randomBytes(24).toString('hex');
  const config = join(dir, 'config.json');
  await writeFile(config, JSON.stringify({ cti: { port: ctiPort, token }, ui: { language: 'en' }, ...(process.env.SOAK_MAX_LIVE ? { calls: { maxLive: Number(process.env.SOAK_MAX_LIVE) } } : {}) }));
  const { child, url } = await startCompanion(config, join(dir, 'data'));
  try {
    const ui = await openContractSocket(url);
    const bridge = await connectBridge(ctiPort, token);
    const number = (i: number) => `+3319${String(i).padStart(7, '0')}`;
    const frame = (event: string, id: string, from: string) => ({ event, callId: id, from, to: '201', direction: 'inbound' });
    console.log(`companion pid ${child.pid}, RSS at start ${(await rssMb(child.pid ?? 0)).toFixed(0)} MB`);

    const closed: number[] = [];
    for (let i = 0; i < WITH_HANGUP; i += 1) {
      const id = `soak-${i}`;
      for (const event of ['ringing', 'answered', 'hangup']) closed.push(await bridge.send(frame(event, id, number(i))));
    }
    console.log(line(`phase 1, ${WITH_HANGUP} bridge calls with hang-ups`, closed));
    console.log(`soak RSS after phase 1: ${(await rssMb(child.pid ?? 0)).toFixed(0)} MB`);

    const bridgeOpen: number[] = [];
    const urlOpen: number[] = [];
    for (let i = 0; i < WITHOUT_HANGUP; i += 1) {
      if (i % 2 === 0) {
        const id = `open-${i}`;
        bridgeOpen.push(await bridge.send(frame('ringing', id, number(50_000 + i))));
        bridgeOpen.push(await bridge.send(frame('answered', id, number(50_000 + i))));
      } else urlOpen.push(await contactUrl(ctiPort, number(80_000 + i)));
    }
    console.log(line(`phase 2, ${bridgeOpen.length / 2} bridge calls never hung up`, bridgeOpen));
    console.log(line(`phase 2, ${urlOpen.length} /call pops (never hung up)`, urlOpen));
    console.log(`soak RSS after phase 2: ${(await rssMb(child.pid ?? 0)).toFixed(0)} MB; snapshots pushed to the UI: ${ui.pushes()}`);

    await new Promise((r) => setTimeout(r, IDLE_MS));
    console.log(`soak RSS after ${IDLE_MS / 1000} s idle: ${(await rssMb(child.pid ?? 0)).toFixed(0)} MB (target ≤ 300 MB)`);
    const alive = child.exitCode === null && child.signalCode === null;
    console.log(`soak crashes: ${alive ? 0 : 1} (target 0)`);
    bridge.close();
    ui.close();
  } finally {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    await rm(dir, { recursive: true, force: true });
  }
}
