// A few thousand generated inputs per fuzz target on every test run; `npm run fuzz` runs 100,000 per target.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { hasXmllint, validateWithXmllint, warnMissingValidators } from '../support/xmltv-validate.js';
import { adminProperty, dtdProperty, targets } from './targets.js';

const RUNS = 2_000;
warnMissingValidators();

describe('fuzzing', () => {
  for (const target of targets()) {
    it(`never breaks the ${target.name}`, async () => {
      await fc.assert(target.property(), { numRuns: RUNS });
    }, 120_000);
  }

  it.skipIf(!hasXmllint)(
    'writes XMLTV valid against the DTD for generated names and times',
    () => {
      fc.assert(dtdProperty(validateWithXmllint), { numRuns: 40 });
    },
    120_000,
  );

  describe('the admin API', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ config: { ADMIN_RATE_LIMIT_PER_MINUTE: 1_000_000 } });
    });
    afterAll(async () => {
      await t.close();
    });

    it('answers any body with less than a 500', async () => {
      const inject = async (method: string, url: string, payload: unknown) =>
        (
          await t.app.inject({
            method: method as 'POST',
            url,
            headers: { ...t.auth, 'content-type': 'application/json' },
            payload: JSON.stringify(payload),
          })
        ).statusCode;
      await fc.assert(adminProperty(inject), { numRuns: 500 });
    }, 120_000);
  });
});
