/**
 * `npm run bench -- upload`: a 50 MB evidence upload (issue 12, item 5) to the real server, as
 * `npm start` runs it, in a process of its own on a fresh embedded database with the demo branch.
 * The bench signs in as the case officer, opens a case, and uploads a file of random bytes (it
 * does not compress) from disk as multipart, the way a browser sends it; then downloads it and
 * checks its SHA-256. Figures:
 *  - the server's resident memory (VmRSS of /proc/<pid>/status) before, sampled every 10 ms
 *    during the upload and the download, and the kernel's own peak (VmHWM, reset through
 *    /proc/<pid>/clear_refs just before) — the target: the upload adds under 300 MB to it;
 *  - the upload's and the download's time against the reference measured in the same run: the
 *    same file copied to another file on the same disk (read and write of 50 MB, streamed).
 * BENCH_UPLOAD_MB sets the size (default 50); BENCH_UPLOAD_HISTORY=0 seeds the demo branch
 * without its year of history (faster; a smaller server).
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  createReadStream,
  createWriteStream,
  openAsBlob,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { nextTotpCode } from '../../e2e/support/harness.ts';
import { DEMO_PASSWORD } from '../../server/src/seed/demo.ts';
import { demoDataDir, startBuiltServer } from './built-server.ts';
import { round } from './measure.ts';

const MB = 1024 * 1024;
const SIZE_MB = Number(process.env.BENCH_UPLOAD_MB ?? 50);
const HISTORY = process.env.BENCH_UPLOAD_HISTORY !== '0';
/**
 * The issue's target: a 50 MB upload keeps the server under 300 MB — taken as what the upload
 * adds to the server (peak during it − idle before it). The idle server alone is about 0.5 GB
 * with the embedded database (the issue's own "from 0.5 GB"), so the whole process cannot be
 * under 300 MB whatever the upload does; both figures are reported.
 */
const TARGET_GROWTH_MB = 300;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const log = (m: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${m}\n`);

/** A process's memory lines from /proc, in MB (Linux). */
function procMemory(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) =>
    Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

/** Samples the server's VmRSS every 10 ms; the kernel's peak (VmHWM) is reset first if allowed. */
function sampleServer(pid: number) {
  let hwmReset = true;
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    hwmReset = false;
  }
  const start = procMemory(pid).rss;
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, procMemory(pid).rss);
  }, 10);
  return {
    stop() {
      clearInterval(timer);
      const end = procMemory(pid);
      peak = Math.max(peak, end.rss);
      return {
        startMb: round(start, 1),
        endMb: round(end.rss, 1),
        sampledPeakMb: round(peak, 1),
        kernelPeakMb: hwmReset ? round(end.hwm, 1) : null,
        peakMb: round(hwmReset ? Math.max(end.hwm, peak) : peak, 1),
      };
    },
  };
}

/** A signed-in API client: the session cookie and the CSRF token on state-changing calls. */
async function signIn(baseUrl: string, username: string) {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!login.ok) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
  const cookies = new Map<string, string>();
  const keep = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const i = pair!.indexOf('=');
      cookies.set(pair!.slice(0, i).trim(), pair!.slice(i + 1));
    }
  };
  keep(login);
  const headers = () => ({
    cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    'x-csrf-token': cookies.get('fazhi_csrf') ?? '',
  });
  // every account that reads case data has the demo TOTP secret (docs/operations.md, account policy)
  if (((await login.json()) as { secondFactor?: string }).secondFactor === 'totp') {
    const totp = await fetch(`${baseUrl}/api/auth/totp`, {
      method: 'POST',
      headers: { ...headers(), 'content-type': 'application/json' },
      body: JSON.stringify({ code: await nextTotpCode(baseUrl, username) }),
    });
    if (!totp.ok) throw new Error(`second factor failed: ${totp.status} ${await totp.text()}`);
    keep(totp);
  }
  return {
    headers,
    async json<T>(method: string, url: string, body?: unknown): Promise<T> {
      const res = await fetch(`${baseUrl}${url}`, {
        method,
        headers: { ...headers(), 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    },
  };
}

async function writeRandomFile(file: string, bytes: number): Promise<string> {
  const hash = createHash('sha256');
  const handle = await open(file, 'w');
  try {
    for (let left = bytes; left > 0; ) {
      const piece = randomBytes(Math.min(MB, left));
      hash.update(piece);
      await handle.write(piece);
      left -= piece.length;
    }
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}

function gitCommit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: root,
      encoding: 'utf8',
    }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'server/src', 'server/migrations'], {
      cwd: root,
      encoding: 'utf8',
    }).trim();
    return dirty ? `${head} + uncommitted changes` : head;
  } catch {
    return 'unknown';
  }
}

interface Memory {
  startMb: number;
  endMb: number;
  sampledPeakMb: number;
  kernelPeakMb: number | null;
  peakMb: number;
}

interface Summary {
  measuredAt: string;
  commit: string;
  database: 'embedded';
  demoHistory: boolean;
  fileMb: number;
  serverIdleMb: number;
  upload: { ms: number; ratio: number; mbPerSecond: number; memory: Memory; deltaMb: number };
  download: { ms: number; ratio: number; sha256Matches: boolean; memory: Memory; deltaMb: number };
  reference: { name: string; ms: number };
  /** the most the upload may add to the idle server's resident memory */
  targetGrowthMb: number;
  targetMet: boolean;
}

async function main(): Promise<Summary> {
  log(`demo branch${HISTORY ? ' with its year of history' : ''} into a fresh embedded database …`);
  const dataDir = await demoDataDir('fazhi-bench-upload-', { history: HISTORY });
  const work = path.join(dataDir, 'bench');
  await mkdir(work);
  try {
    const source = path.join(work, 'evidence.mp4');
    const sha256 = await writeRandomFile(source, SIZE_MB * MB);

    // The reference: the same bytes copied to another file on the same disk, streamed.
    const copies: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      await pipeline(createReadStream(source), createWriteStream(path.join(work, `copy-${i}`)));
      copies.push(performance.now() - t0);
      rmSync(path.join(work, `copy-${i}`));
    }
    const referenceMs = [...copies].sort((a, b) => a - b)[1]!;

    log('starting the server …');
    // the defaults are what is measured
    const server = await startBuiltServer(dataDir, {
      FAZHI_UPLOAD_TMP_DIR: '',
      FAZHI_EVIDENCE_UPLOAD_MB: '',
    });
    try {
      const officer = await signIn(server.baseUrl, 'officer');
      const created = await officer.json<{ id: number }>('POST', '/api/cases', {
        caseType: 'admin',
        title: '基准测试：执法记录仪视频上传',
        receivedAt: new Date().toISOString(),
      });
      // settle: what the server holds once it has served a few calls, before the upload
      await new Promise((r) => setTimeout(r, 1000));
      const idle = procMemory(server.pid).rss;

      log(`uploading ${SIZE_MB} MB …`);
      const form = new FormData();
      form.append('description', '执法记录仪视频（基准测试）');
      form.append('file', await openAsBlob(source, { type: 'video/mp4' }), '执法记录仪.mp4');
      const upMemory = sampleServer(server.pid);
      const t0 = performance.now();
      const res = await fetch(`${server.baseUrl}/api/cases/${created.id}/evidence`, {
        method: 'POST',
        headers: officer.headers(),
        body: form,
      });
      const body = (await res.json()) as { id: number; sha256: string; size: number };
      const uploadMs = performance.now() - t0;
      const upload = upMemory.stop();
      if (!res.ok) throw new Error(`upload: ${res.status} ${JSON.stringify(body)}`);
      if (body.sha256 !== sha256 || body.size !== SIZE_MB * MB)
        throw new Error('upload: stored a different file');

      log('downloading it …');
      const downMemory = sampleServer(server.pid);
      const t1 = performance.now();
      const down = await fetch(`${server.baseUrl}/api/evidence/${body.id}/download`, {
        headers: officer.headers(),
      });
      if (!down.ok || !down.body) throw new Error(`download: ${down.status}`);
      const hash = createHash('sha256');
      for await (const piece of down.body) hash.update(piece);
      const downloadMs = performance.now() - t1;
      const download = downMemory.stop();
      const downloaded = hash.digest('hex');

      return {
        measuredAt: new Date().toISOString(),
        commit: gitCommit(),
        database: 'embedded',
        demoHistory: HISTORY,
        fileMb: SIZE_MB,
        serverIdleMb: round(idle, 1),
        upload: {
          ms: Math.round(uploadMs),
          ratio: round(uploadMs / referenceMs, 1),
          mbPerSecond: round(SIZE_MB / (uploadMs / 1000), 1),
          memory: upload,
          deltaMb: round(upload.peakMb - idle, 1),
        },
        download: {
          ms: Math.round(downloadMs),
          ratio: round(downloadMs / referenceMs, 1),
          sha256Matches: downloaded === sha256,
          memory: download,
          deltaMb: round(download.peakMb - idle, 1),
        },
        reference: {
          name: `copy ${SIZE_MB} MB file to file on the same disk (median of 3)`,
          ms: Math.round(referenceMs),
        },
        targetGrowthMb: TARGET_GROWTH_MB,
        targetMet: upload.peakMb - idle < TARGET_GROWTH_MB,
      };
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function markdown(s: Summary): string {
  const m = (x: Memory) =>
    `${x.startMb} → peak ${x.peakMb} MB (sampled ${x.sampledPeakMb}, kernel ${x.kernelPeakMb ?? 'n/a'}) → ${x.endMb} MB`;
  return `${[
    `# Upload benchmark — ${s.measuredAt.slice(0, 16)}Z (${s.commit})`,
    '',
    `A ${s.fileMb} MB evidence file (random bytes) uploaded as multipart to the real server (own process, embedded`,
    `database, demo branch${s.demoHistory ? ' with its year of history' : ' without history'}), then downloaded (bench/src/upload.ts).`,
    `Memory is the server process's resident size (VmRSS, sampled every 10 ms; VmHWM after a reset).`,
    `"÷ ref" is the time over the reference measured in the same run: ${s.reference.name}, ${s.reference.ms} ms.`,
    '',
    '| | time | ÷ ref | server memory | peak − idle |',
    '|---|---|---|---|---|',
    `| upload | ${s.upload.ms} ms (${s.upload.mbPerSecond} MB/s) | ${s.upload.ratio}× | ${m(s.upload.memory)} | ${s.upload.deltaMb} MB |`,
    `| download (SHA-256 ${s.download.sha256Matches ? 'matches' : 'DIFFERS'}) | ${s.download.ms} ms | ${s.download.ratio}× | ${m(s.download.memory)} | ${s.download.deltaMb} MB |`,
    '',
    `Server idle before the upload: ${s.serverIdleMb} MB. Target: the upload adds under ${s.targetGrowthMb} MB to the ` +
      `server — ${s.targetMet ? 'met' : 'MISSED'} (+${s.upload.deltaMb} MB, peak ${s.upload.memory.peakMb} MB).`,
  ].join('\n')}\n`;
}

const summary = await main();
const out = path.join(root, 'bench/results');
writeFileSync(path.join(out, 'upload.json'), `${JSON.stringify(summary, null, 2)}\n`);
writeFileSync(path.join(out, 'upload.md'), markdown(summary));
process.stdout.write(markdown(summary));
if (!summary.download.sha256Matches) throw new Error('the download differs from the upload');
if (!summary.targetMet) {
  log(`the upload added ${summary.upload.deltaMb} MB to the server: over the ${TARGET_GROWTH_MB} MB target`);
  process.exitCode = 1;
}
