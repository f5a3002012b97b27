import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { AUDIT_PROBLEM_NAMES } from '@fazhi/common';
import { keyFilePath, writeNewKeyFile } from './audit/keys.ts';
import { verifyChain } from './audit/verify.ts';
import { loadConfig } from './config.ts';
import { grantAppRole } from './db/app-role.ts';
import { createDb } from './db/index.ts';
import { createApp } from './http/app.ts';
import { lawCommand } from './modules/law/cli.ts';
import { reportCommand } from './modules/reports/cli.ts';
import { seedDemo } from './seed/demo.ts';
import { firstOrgId } from './seed/org.ts';
import { consoleProgress } from './seed/progress.ts';
import { installAuditKeys, prepareDatabase, startServer } from './server.ts';

const HELP = `fazhi — the Fazhi (法治) server and its maintenance commands

Usage: fazhi <command> [options]

Commands:
  serve              Start the server (web app and API) on $PORT (default 3000). Applies migrations
                     and reference data first; an empty embedded database gets the demo branch.
  migrate            Apply the schema migrations and reference-data steps, then exit.
  seed --demo        Load the demo branch (units, officers, one account per role) into an empty
                     database. Refuses when a branch already exists.
  audit verify [--json]
                     Check the audit chain, reading only: every record altered, deleted or
                     inserted behind the application's back is named (exit 1 when any).
  audit keygen [--out FILE]
                     Write a new audit key file (default: FAZHI_AUDIT_KEY_FILE or
                     <data dir>/audit.key); never overwrites one.
  db grant-app-role ROLE
                     (PostgreSQL, as the owner, after every migrate) Give the existing role ROLE
                     what the running server needs: no direct write to the audit log.
  openapi --out F    Write the OpenAPI 3.1 document to file F.
  report check FILE [--year YYYY]
                     Check a report (.docx or .txt) for figures that contradict each other and,
                     with --year, the branch's records for that year; prints the findings as
                     JSON, exit 1 when there are any.
  report build --year YYYY --out FILE.docx
                     Build the branch's annual report for the year as a .docx.
  law check FILE.json [--lang en-US]
                     Check proposed penalties ({actDate, decisionDate, offences, party}, the body
                     of POST /api/law/penalty-check) against the law register; prints the answer
                     as JSON, exit 1 when the proposal is unlawful.
  --help             This text.

Environment:
  PORT               HTTP port (default 3000)
  DATABASE_URL       PostgreSQL connection string; unset = embedded PGlite database
  FAZHI_DATA_DIR     Folder of the embedded database and other local data (default ./data)
  FAZHI_AUDIT_KEY_FILE
                     The audit key file (default <data dir>/audit.key; required with PostgreSQL)
`;

async function main(argv: string[]) {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      demo: { type: 'boolean' },
      out: { type: 'string' },
      year: { type: 'string' },
      lang: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, sub, arg] = positionals;
  const config = loadConfig();
  if (values.help || !command) {
    console.log(HELP);
    return 0;
  }
  if (command === 'audit' && sub === 'keygen') {
    const file =
      values.out ?? keyFilePath({ keyFile: config.auditKeyFile, dataDir: config.dataDir, mayCreate: false });
    const ring = writeNewKeyFile(file);
    console.log(`audit key ${ring.current.id} written to ${file} (mode 600); give every instance this file`);
    return 0;
  }
  const verifying = command === 'audit' && sub === 'verify';
  // verify only reads: it never makes a key (it would find every record signed by another)
  if (command !== 'openapi') installAuditKeys(config, (m) => console.error(m), !verifying);
  if (command === 'report') {
    return reportCommand(sub, { file: arg, year: values.year, out: values.out }, () =>
      createDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }),
    );
  }
  if (command === 'law') {
    return lawCommand(sub, arg, values.lang, () =>
      createDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }),
    );
  }
  if (command === 'serve') {
    const { stop } = await startServer(config);
    const shutdown = () => {
      stop().then(() => process.exit(0));
    };
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
    return null;
  }
  const database = await createDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    if (command === 'migrate') {
      await prepareDatabase(database);
      console.log('database is up to date');
      return 0;
    }
    if (command === 'seed') {
      if (!values.demo) {
        console.error('seed needs --demo (the only seed there is)');
        return 2;
      }
      await prepareDatabase(database);
      if ((await firstOrgId(database.db)) !== null) {
        console.error('the database already holds a branch; seed --demo only fills an empty database');
        return 1;
      }
      const r = await seedDemo(database.db, { progress: consoleProgress() });
      console.log(`demo branch loaded: ${r.units} units, ${r.officers} officers`);
      return 0;
    }
    if (verifying) {
      const result = await verifyChain(database.db, (n) => {
        if (!values.json) process.stderr.write(`\rchecked ${n} records`);
      });
      if (values.json) {
        console.log(JSON.stringify(result, null, 2));
        return result.ok ? 0 : 1;
      }
      process.stderr.write('\n');
      const pending = result.pending ? `, ${result.pending} just written and not sealed yet` : '';
      if (result.ok) {
        console.log(`audit chain intact: ${result.checked} records verified${pending}`);
        return 0;
      }
      console.log(
        `audit chain BROKEN: ${result.problemCount} problem(s); ${result.checked} records verified${pending}`,
      );
      for (const p of result.problems)
        console.log(`  #${p.auditId}  ${p.kind}: ${AUDIT_PROBLEM_NAMES[p.kind].en}`);
      if (result.problemCount > result.problems.length)
        console.log(`  … and ${result.problemCount - result.problems.length} more`);
      return 1;
    }
    if (command === 'db' && sub === 'grant-app-role') {
      if (!arg) {
        console.error('usage: fazhi db grant-app-role ROLE');
        return 2;
      }
      await grantAppRole(database.db, arg);
      console.log(`role ${arg} may run the server; it writes the audit log only through fazhi_audit_append`);
      return 0;
    }
    if (command === 'openapi') {
      const app = createApp({ database, config, orgId: 0 });
      const res = await app.request('/api/openapi.json');
      const text = `${JSON.stringify(await res.json(), null, 2)}\n`;
      if (values.out) writeFileSync(values.out, text);
      else process.stdout.write(text);
      return 0;
    }
    console.error(`unknown command: ${positionals.join(' ')}\n\n${HELP}`);
    return 2;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== null) process.exit(code);
  },
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
