import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { sealPending, verifyChain } from './audit/chain.ts';
import { loadConfig } from './config.ts';
import { createDb } from './db/index.ts';
import { createApp } from './http/app.ts';
import { lawCommand } from './modules/law/cli.ts';
import { reportCommand } from './modules/reports/cli.ts';
import { seedDemo } from './seed/demo.ts';
import { firstOrgId } from './seed/org.ts';
import { consoleProgress } from './seed/progress.ts';
import { prepareDatabase, startServer } from './server.ts';

const HELP = `fazhi — the Fazhi (法治) server and its maintenance commands

Usage: fazhi <command> [options]

Commands:
  serve              Start the server (web app and API) on $PORT (default 3000). Applies migrations
                     and reference data first; an empty embedded database gets the demo branch.
  migrate            Apply the schema migrations and reference-data steps, then exit.
  seed --demo        Load the demo branch (units, officers, one account per role) into an empty
                     database. Refuses when a branch already exists.
  audit verify       Seal pending audit records, walk the hash chain and report the first broken
                     record (exit 1 when broken).
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
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, sub, arg] = positionals;
  const config = loadConfig();
  if (values.help || !command) {
    console.log(HELP);
    return 0;
  }
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
    if (command === 'audit' && sub === 'verify') {
      await prepareDatabase(database, () => {});
      const sealed = await sealPending(database.db);
      if (sealed) console.log(`sealed ${sealed} pending records`);
      const result = await verifyChain(database.db, (n) => process.stderr.write(`\rchecked ${n} records`));
      process.stderr.write('\n');
      if (result.ok) {
        console.log(`audit chain intact: ${result.checked} records verified`);
        return 0;
      }
      console.log(
        `audit chain BROKEN at record #${result.brokenAt}: ${result.reason} (${result.checked} records verified before it)`,
      );
      return 1;
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
