// `npm run fuzz`: 100,000 generated inputs per target (FUZZ_RUNS to change it), on embedded Postgres unless
// DATABASE_URL is set; prints each target's inputs, failures and time, and exits 1 on any failure.
import fc from 'fast-check';
import { startTestApp } from '../test/support/test-app.js';
import { hasXmllint, validateWithXmllint } from '../test/support/xmltv-validate.js';
import { adminProperty, dtdProperty, targets } from '../test/fuzz/targets.js';

const runs = Number(process.env.FUZZ_RUNS ?? 100_000);
let failed = 0;

async function run(name: string, property: Parameters<typeof fc.assert>[0], numRuns: number): Promise<void> {
  const started = performance.now();
  try {
    await fc.assert(property, { numRuns });
    console.log(
      `${name}: ${numRuns.toLocaleString('en-US')} inputs, 0 failures, ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  } catch (err) {
    failed += 1;
    console.log(
      `${name}: FAILED after ${((performance.now() - started) / 1000).toFixed(1)} s\n${String(err)}`,
    );
  }
}

for (const target of targets()) await run(target.name, target.property(), runs);
// Each DTD check is an xmllint process: a sample of the writer's inputs.
const dtdRuns = Number(process.env.FUZZ_DTD_RUNS ?? 1_000);
if (hasXmllint) await run('XMLTV writer, DTD-valid (xmllint)', dtdProperty(validateWithXmllint), dtdRuns);
else console.log('XMLTV DTD fuzz skipped: xmllint or the XMLTV DTD is missing');

const t = await startTestApp({ config: { ADMIN_RATE_LIMIT_PER_MINUTE: 100_000_000 } });
const inject = async (method: string, url: string, payload: unknown) =>
  (
    await t.app.inject({
      method: method as 'POST',
      url,
      headers: { ...t.auth, 'content-type': 'application/json' },
      payload: JSON.stringify(payload),
    })
  ).statusCode;
await run('admin API (arbitrary bodies on every write route)', adminProperty(inject), runs);
await t.close();
process.exit(failed > 0 ? 1 : 0);
