/**
 * `npm run bench -- web`: the first load of the web app in Debian's Chromium (playwright-core,
 * the browser tests' launch flags), against the built server on a fresh embedded database with
 * the demo branch. Pages:
 *  - the sign-in page (/login), content = the username field;
 *  - 待办 (/tasks) of a signed-in case officer, content = the title of their first task;
 *  - the reference: a static 1 KB HTML page served by the same server (written into web/dist
 *    for the run), content = its text.
 * Each page is loaded cold (a new browser context: empty cache) and then warm (a new tab of the
 * same context, as a user coming back), on an unthrottled loopback and on a 4G profile (Chrome
 * DevTools' "Fast 4G", set through CDP) where the bytes matter. Figures per load, the median of
 * BENCH_WEB_RUNS (default 5): bytes transferred (Resource Timing transferSize, headers included)
 * against the same responses' decoded size, JavaScript alone, requests, first contentful paint
 * and the time to the page's content, both as a ratio to the reference page's first contentful
 * paint in the same conditions. The previous run's summary is kept beside this one's, so a change
 * shows its before and after. BENCH_WEB_BUILD=0 skips building the web app first.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { waitUntil } from '../../e2e/support/antd.ts';
import { launchBrowser, nextTotpCode } from '../../e2e/support/harness.ts';
import { DEMO_PASSWORD } from '../../server/src/seed/demo.ts';
import { demoDataDir, startBuiltServer } from './built-server.ts';
import { round } from './measure.ts';

const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 5);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.join(root, 'web/dist');
const REFERENCE_FILE = 'bench-reference.html';
const log = (m: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${m}\n`);

/** Network conditions set through CDP; `null` = the loopback as it is. */
interface Network {
  name: string;
  latencyMs: number;
  downloadBytesPerSecond: number;
  uploadBytesPerSecond: number;
}
// Chrome DevTools' "Fast 4G" preset: 9 Mbit/s down, 1.5 up, 60 ms RTT, with DevTools' own
// adjustment factors (throughput × 0.9, latency × 2.75) for the request-level throttling.
const FAST_4G: Network = {
  name: '4G',
  latencyMs: 60 * 2.75,
  downloadBytesPerSecond: ((9_000_000 / 8) * 0.9) | 0,
  uploadBytesPerSecond: ((1_500_000 / 8) * 0.9) | 0,
};
const NETWORKS: (Network | null)[] = [null, FAST_4G];

/** What the page shows when its content is there: an element, or a text. */
interface Content {
  selector?: string;
  text?: string;
}

interface Load {
  fcpMs: number;
  contentMs: number;
  transferBytes: number;
  decodedBytes: number;
  jsTransferBytes: number;
  jsDecodedBytes: number;
  requests: number;
}

type Scenario = 'reference' | 'sign-in' | 'tasks';
type CacheState = 'cold' | 'warm';

interface Figure extends Load {
  scenario: Scenario;
  network: string;
  cache: CacheState;
  runs: number;
  /** first contentful paint ÷ the reference page's, same network and cache state */
  fcpRatio: number;
  /** time to the page's content ÷ the reference page's first contentful paint */
  contentRatio: number;
  /** bytes transferred ÷ decoded bytes of the same responses */
  transferRatio: number;
}

interface Summary {
  measuredAt: string;
  commit: string;
  runs: number;
  networks: (Network | { name: string })[];
  serverStartMs: number;
  figures: Figure[];
}

/**
 * Runs in the page before its own scripts: notes when the content first appears, and reads the
 * load's figures from Paint and Resource Timing. Plain JavaScript in a string: tsx names the
 * functions it compiles (`__name(…)`), which does not exist inside the page.
 */
const IN_PAGE = `
window.__bench = (() => {
  const content = __CONTENT__;
  const found = () => content.selector
    ? document.querySelector(content.selector) !== null
    : (document.body ? document.body.textContent : '').includes(content.text);
  const bench = { contentMs: undefined };
  const observer = new MutationObserver(() => {
    if (bench.contentMs === undefined && found()) {
      bench.contentMs = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
  bench.ready = () => bench.contentMs !== undefined
    && performance.getEntriesByName('first-contentful-paint').length > 0;
  bench.collect = () => {
    const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
    const js = entries.filter((e) => /\\.m?js$/.test(new URL(e.name).pathname));
    const sum = (xs, k) => xs.reduce((n, e) => n + e[k], 0);
    return {
      fcpMs: performance.getEntriesByName('first-contentful-paint')[0].startTime,
      contentMs: bench.contentMs,
      transferBytes: sum(entries, 'transferSize'),
      decodedBytes: sum(entries, 'decodedBodySize'),
      jsTransferBytes: sum(js, 'transferSize'),
      jsDecodedBytes: sum(js, 'decodedBodySize'),
      requests: entries.length,
      // index.html's skeleton must be gone once the page is there, or it would cover the page
      skeletonLeft: document.getElementById('fz-boot') !== null,
    };
  };
  return bench;
})();
`;

async function collect(page: Page): Promise<Load> {
  // polled with evaluate: waitForFunction compiles its string with eval, which the CSP refuses
  await waitUntil(page, 'window.__bench.ready()', 60_000);
  // what the page fetches right after its content (lazy chunks, follow-up calls) counts too
  await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
  const { skeletonLeft, ...load } = (await page.evaluate('window.__bench.collect()')) as Load & {
    skeletonLeft: boolean;
  };
  if (skeletonLeft) throw new Error(`${page.url()}: the loading skeleton is still in the page`);
  return load;
}

async function open(context: BrowserContext, url: string, content: Content, network: Network | null) {
  const page = await context.newPage();
  await page.addInitScript({ content: IN_PAGE.replace('__CONTENT__', JSON.stringify(content)) });
  if (network) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: network.latencyMs,
      downloadThroughput: network.downloadBytesPerSecond,
      uploadThroughput: network.uploadBytesPerSecond,
    });
  }
  await page.goto(url, { waitUntil: 'commit' });
  const load = await collect(page);
  await page.close();
  return load;
}

/** One cold and one warm load of a page in a fresh context. */
async function coldAndWarm(
  browser: Browser,
  url: string,
  content: (context: BrowserContext) => Promise<Content>,
  network: Network | null,
): Promise<Record<CacheState, Load>> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  try {
    const c = await content(context);
    const cold = await open(context, url, c, network);
    const warm = await open(context, url, c, network);
    return { cold, warm };
  } finally {
    await context.close();
  }
}

/** Signs in through the API (no page load, so the cache stays cold) and names the first task. */
async function signedInOfficer(baseUrl: string, context: BrowserContext): Promise<Content> {
  const login = await context.request.post(`${baseUrl}/api/auth/login`, {
    data: { username: 'officer', password: DEMO_PASSWORD },
  });
  if (!login.ok()) throw new Error(`sign-in failed: ${login.status()} ${await login.text()}`);
  if (((await login.json()) as { secondFactor?: string }).secondFactor === 'totp') {
    const csrf = (await context.cookies(baseUrl)).find((c) => c.name === 'fazhi_csrf')?.value ?? '';
    const totp = await context.request.post(`${baseUrl}/api/auth/totp`, {
      data: { code: await nextTotpCode(baseUrl, 'officer') },
      headers: { 'x-csrf-token': csrf },
    });
    if (!totp.ok()) throw new Error(`second factor failed: ${totp.status()} ${await totp.text()}`);
  }
  const tasks = (await (await context.request.get(`${baseUrl}/api/tasks`)).json()) as {
    items: { title: string }[];
  };
  // the page sorts by urgency; any task's title is content the officer came for
  const title = tasks.items[0]?.title;
  return title ? { text: title } : { selector: '.ant-empty' };
}

/**
 * The built server as `npm start` runs it, in its own process, on a fresh embedded database.
 * The demo branch is loaded here first (minutes on a busy machine), so the server starts on a
 * ready database and the browser tests' start-up limit does not apply.
 */
async function startServer() {
  const dataDir = await demoDataDir('fazhi-bench-web-');
  const server = await startBuiltServer(dataDir);
  return {
    ...server,
    async stop() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function medianLoad(loads: Load[]): Load {
  const pick = (k: keyof Load) => median(loads.map((l) => l[k]));
  return {
    fcpMs: round(pick('fcpMs'), 1),
    contentMs: round(pick('contentMs'), 1),
    transferBytes: pick('transferBytes'),
    decodedBytes: pick('decodedBytes'),
    jsTransferBytes: pick('jsTransferBytes'),
    jsDecodedBytes: pick('jsDecodedBytes'),
    requests: pick('requests'),
  };
}

function gitCommit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: root,
      encoding: 'utf8',
    }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'web', 'server/src/http'], {
      cwd: root,
      encoding: 'utf8',
    }).trim();
    return dirty ? `${head} + uncommitted changes` : head;
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<Summary> {
  if (process.env.BENCH_WEB_BUILD !== '0') {
    log('building the web app');
    execFileSync('npm', ['run', 'build', '-w', 'web'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  if (!existsSync(path.join(dist, 'index.html'))) throw new Error('web/dist is missing: build the web app');
  // about 1 KB of plain HTML: what the same server and network give a page with nothing to run
  const filler = '法治 Fazhi 静态参照页 reference page. '.repeat(22);
  writeFileSync(
    path.join(dist, REFERENCE_FILE),
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>reference</title><link rel="icon" href="data:,"></head><body><h1>参照页</h1><p>${filler}</p></body></html>\n`,
  );
  log('loading the demo branch into a fresh embedded database, then starting the server');
  const server = await startServer();
  const serverStartMs = server.startMs;
  const browser = await launchBrowser();
  const raw: { scenario: Scenario; network: string; cache: CacheState; load: Load }[] = [];
  try {
    const base = server.baseUrl;
    const scenarios: [Scenario, string, (c: BrowserContext) => Promise<Content>][] = [
      ['reference', `${base}/${REFERENCE_FILE}`, async () => ({ text: '参照页' })],
      ['sign-in', `${base}/login`, async () => ({ selector: '#username' })],
      ['tasks', `${base}/tasks`, (c) => signedInOfficer(base, c)],
    ];
    for (const network of NETWORKS) {
      for (let run = 0; run < RUNS; run++) {
        for (const [scenario, url, content] of scenarios) {
          const loads = await coldAndWarm(browser, url, content, network);
          for (const cache of ['cold', 'warm'] as const)
            raw.push({ scenario, network: network?.name ?? 'loopback', cache, load: loads[cache] });
        }
        log(`${network?.name ?? 'loopback'}: run ${run + 1} of ${RUNS}`);
      }
    }
  } finally {
    await browser.close();
    await server.stop();
    rmSync(path.join(dist, REFERENCE_FILE), { force: true });
  }
  const figures: Figure[] = [];
  for (const network of NETWORKS.map((n) => n?.name ?? 'loopback'))
    for (const cache of ['cold', 'warm'] as const) {
      const of = (s: Scenario) =>
        medianLoad(
          raw
            .filter((r) => r.scenario === s && r.network === network && r.cache === cache)
            .map((r) => r.load),
        );
      const reference = of('reference');
      for (const scenario of ['reference', 'sign-in', 'tasks'] as const) {
        const m = of(scenario);
        figures.push({
          scenario,
          network,
          cache,
          runs: RUNS,
          ...m,
          fcpRatio: round(m.fcpMs / reference.fcpMs),
          contentRatio: round(m.contentMs / reference.fcpMs),
          transferRatio: m.decodedBytes ? round(m.transferBytes / m.decodedBytes) : 0,
        });
      }
    }
  return {
    measuredAt: new Date().toISOString(),
    commit: gitCommit(),
    runs: RUNS,
    networks: NETWORKS.map((n) => n ?? { name: 'loopback' }),
    serverStartMs,
    figures,
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (x: number) => `${Math.round(x)} ms`;
const SCENARIO_NAMES: Record<Scenario, string> = {
  reference: 'reference (static 1 KB page)',
  'sign-in': 'sign-in page',
  tasks: '待办 (signed in)',
};

function table(s: Summary): string[] {
  const lines = [
    '| network | cache | page | transferred | ÷ decoded | JS transferred / decoded | requests | FCP | ÷ ref | content | ÷ ref |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const f of s.figures)
    lines.push(
      `| ${f.network} | ${f.cache} | ${SCENARIO_NAMES[f.scenario]} | ${kb(f.transferBytes)} | ${f.transferRatio} | ` +
        `${kb(f.jsTransferBytes)} / ${kb(f.jsDecodedBytes)} | ${f.requests} | ${ms(f.fcpMs)} | ${f.fcpRatio}× | ` +
        `${ms(f.contentMs)} | ${f.contentRatio}× |`,
    );
  return lines;
}

function markdown(now: Summary, previous: Summary | undefined): string {
  const lines = [
    `# Web first-load benchmark — ${now.measuredAt.slice(0, 16)}Z`,
    '',
    "The sign-in page and a case officer's 待办 loaded in Debian's Chromium from the built server",
    '(bench/src/web.ts), cold (empty cache) and warm (a new tab of the same browser context), on the',
    `loopback and on Chrome DevTools' "Fast 4G" profile (${FAST_4G.latencyMs} ms latency, ` +
      `${kb(FAST_4G.downloadBytesPerSecond)}/s down), median of ${now.runs} runs. "÷ ref" is the ratio to the ` +
      'first contentful paint of a static 1 KB HTML page from the same server in the same conditions; ' +
      '"÷ decoded" is bytes on the wire over the same responses decoded; "content" is when the username field ' +
      "(sign-in) or the first task's title (待办) appears.",
    '',
    `## This run (${now.commit}; server start ${(now.serverStartMs / 1000).toFixed(1)} s)`,
    '',
    ...table(now),
  ];
  if (previous)
    lines.push(
      '',
      `## Previous run — ${previous.measuredAt.slice(0, 16)}Z (${previous.commit})`,
      '',
      ...table(previous),
    );
  return `${lines.join('\n')}\n`;
}

const dir = path.join(root, 'bench/results');
mkdirSync(dir, { recursive: true });
const jsonFile = path.join(dir, 'web.json');
const previous = existsSync(jsonFile)
  ? (JSON.parse(readFileSync(jsonFile, 'utf8')) as { latest: Summary }).latest
  : undefined;
const latest = await main();
writeFileSync(jsonFile, `${JSON.stringify({ latest, previous }, null, 2)}\n`);
writeFileSync(path.join(dir, 'web.md'), markdown(latest, previous));
process.stdout.write(markdown(latest, previous));
