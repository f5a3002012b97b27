import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { authenticator } from 'otplib';
import { type Browser, chromium, type Page } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DEMO_PASSWORD = 'Demo@2026';
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXP';
export const screenshotDir = path.join(root, 'e2e/test-results');

export interface RunningServer {
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts the real server (built web app) on a fresh embedded database with the demo branch: a
 * copy of the one the run's global setup loaded, or, without it, one the server loads itself.
 */
export async function startServer(): Promise<RunningServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'fazhi-e2e-'));
  // Set by e2e/support/global-setup.ts for the test workers it starts.
  const template = process.env.FAZHI_E2E_TEMPLATE;
  if (template) cpSync(template, dataDir, { recursive: true });
  const port = 20000 + Math.floor(Math.random() * 20000);
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), FAZHI_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  const child: ChildProcess = spawn(process.execPath, [path.join(root, 'server/bin/fazhi.js'), 'serve'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (d) => {
    log += d;
  });
  child.stderr?.on('data', (d) => {
    log += d;
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${log}`);
    if (Date.now() - started > 120_000) throw new Error(`server did not start: ${log}`);
    const ok = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    baseUrl,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 500));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * The last TOTP time step used per server and account. Every demo account that reads case data
 * has the demo secret, and the server takes a code once (its step must be later than the last):
 * a test that signs the same user in twice within 30 seconds uses the next step, and waits for
 * the clock only when that step is not yet in the server's window (one step of drift).
 */
const usedSteps = new Map<string, number>();
export async function nextTotpCode(baseUrl: string, username: string): Promise<string> {
  const key = `${baseUrl} ${username}`;
  const now = () => Math.floor(Date.now() / 30_000);
  const step = Math.max(now(), (usedSteps.get(key) ?? 0) + 1);
  usedSteps.set(key, step);
  while (step > now() + 1) await new Promise((r) => setTimeout(r, 250));
  return authenticator.clone({ epoch: step * 30_000 }).generate(DEMO_TOTP_SECRET);
}

/** Signs in through the sign-in page, entering the TOTP code when asked. */
export async function signIn(page: Page, baseUrl: string, username: string) {
  await page.goto(`${baseUrl}/login`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.locator('button[type=submit]').click();
  const code = page.locator('#code');
  // the header is there at every width (on a phone the side menu is a closed drawer)
  const shell = page.locator('.fz-header');
  await Promise.race([code.waitFor(), shell.waitFor()]);
  if (await code.isVisible()) {
    await code.fill(await nextTotpCode(baseUrl, username));
    await page.locator('button[type=submit]').click();
  }
  await shell.waitFor();
}

/** A code for the step-up dialog before a full ID number (the next unused step of the account). */
export const stepUpCode = nextTotpCode;
