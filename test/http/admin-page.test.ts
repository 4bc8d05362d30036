// The admin page in a real browser (Debian's chromium driven by playwright-core), against the running service
// on loopback: sign in with the keyboard, onboard the corpus playlist and accept a proposal, pin a channel from
// the review queue and see the guide change, add a team alias; readable at a phone's width. With
// SCREENSHOTS_DIR set, each page's screenshot is written there (docs/admin holds the committed ones).
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CORPUS_NOW,
  CORPUS_ZONE,
  corpusPlaylistText,
  loadCorpusEvents,
  withoutAlternates,
} from '../support/corpus.js';
import { startFakeSportsApi, type FakeSportsApi } from '../support/fake-sports-api.js';
import { ADMIN_TOKEN, startTestApp, type TestApp } from '../support/test-app.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
if (!present && process.env.REQUIRE_BROWSER) {
  throw new Error(`REQUIRE_BROWSER is set but ${CHROMIUM} is missing (apt-get install chromium)`);
}
if (!present)
  console.warn(`admin page browser tests skipped: ${CHROMIUM} is missing (apt-get install chromium)`);

const NICKNAMES = 'ZETA SPORTS 1: Blueshirts @ Habs 7:00 PM ET';
const extra = [1, 2, 3, 4]
  .flatMap((n) => [
    `#EXTINF:-1 group-title="ZETA",${n === 1 ? NICKNAMES : n === 3 ? 'ZETA SPORTS 3: Duke vs UNC 7:00 PM ET' : `ZETA SPORTS ${n}:`}`,
    `http://h/live/u/p/zeta${n}.ts`,
  ])
  .join('\n');
const shots = process.env.SCREENSHOTS_DIR;

let sports: FakeSportsApi;
let t: TestApp;
let browser: Browser;
let page: Page;

async function shot(name: string): Promise<void> {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: false });
}

async function status(text: RegExp): Promise<void> {
  await page.locator('#status', { hasText: text }).waitFor({ timeout: 30_000 });
}

describe.skipIf(!present)('the admin page in a browser', { timeout: 90_000 }, () => {
  beforeAll(async () => {
    // The sources list no nicknames, so the review queue has something to teach.
    const events = withoutAlternates(loadCorpusEvents());
    sports = await startFakeSportsApi({
      events,
      playlist: `${corpusPlaylistText().trimEnd()}\n${extra}\n`,
      now: CORPUS_NOW,
    });
    t = await startTestApp({
      now: () => CORPUS_NOW,
      config: { ESPN_BASE_URL: sports.url, THESPORTSDB_BASE_URL: sports.url },
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await sports?.close();
  });

  it('signs in with the keyboard alone', async () => {
    await page.goto(`${t.url}/admin`);
    await shot('sign-in');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.id')).toBe('token');
    await page.keyboard.type(ADMIN_TOKEN);
    await page.keyboard.press('Enter');
    await page.locator('#providers-title').waitFor({ state: 'visible' });
    expect(await page.evaluate("sessionStorage.getItem('epgoat.adminToken')")).toBe(ADMIN_TOKEN);
    // The sections are buttons the keyboard reaches and presses.
    await page.locator('nav button[data-view="teams"]').focus();
    await page.keyboard.press('Enter');
    await page.locator('#teams-title').waitFor({ state: 'visible' });
  });

  it('onboards the corpus playlist and accepts a proposal', async () => {
    await page.click('nav button[data-view="onboard"]');
    await page.fill('input[name="slug"]', 'corpus');
    await page.fill('input[name="name"]', 'Corpus IPTV');
    await page.fill('input[name="playlistUrl"]', `${sports.url}/playlist.m3u`);
    await page.fill('input[name="timezone"]', CORPUS_ZONE);
    await page.click('#onboard-form button[type="submit"]');
    await status(/families found/);
    const proposal = page.locator('#onboard-result label', { hasText: 'Pattern for ZETA SPORTS' });
    await expect(proposal.count()).resolves.toBe(1);
    await shot('onboard');
    await page.click('text=Save provider and accept the checked proposals');
    await status(/Saved corpus/);
    await page.locator('#providers-table', { hasText: 'Corpus IPTV' }).waitFor();
    await shot('providers');
    const patterns = await fetch(`${t.url}/api/providers/corpus/patterns`, { headers: t.auth }).then((r) =>
      r.json(),
    );
    expect((patterns as { patterns: { family: string }[] }).patterns.map((p) => p.family)).toContain(
      'ZETA SPORTS',
    );
  });

  it('shows the match report, filterable, each row with its why', async () => {
    await page.click('#providers-table button:has-text("Match report")');
    await page.locator('#report-table tbody tr').first().waitFor({ timeout: 60_000 });
    await page.selectOption('#report-status', 'unmatched');
    const rows = page.locator('#report-table tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await rows.filter({ hasText: NICKNAMES }).count()).toBe(1);
    await shot('report');
  });

  it('pins a channel from the review queue, and the guide changes', async () => {
    await t.services.guides.idle();
    const zeta = (xml: string) =>
      xml.split('<programme').filter((p) => p.includes('channel="zeta-sports-01.corpus"'));
    const carriesTheGame = (xml: string) => zeta(xml).some((p) => /Rangers/.test(p) && /Canadiens/.test(p));
    expect(carriesTheGame(await fetch(`${t.url}/epg/corpus.xml`).then((r) => r.text()))).toBe(false);
    await page.click('nav button[data-view="review"]');
    const card = page.locator('#review-unmatched article', { hasText: NICKNAMES });
    await card.waitFor();
    await shot('review');
    // The family's league is unknown, so the game is found among the day's events by words of its title.
    await card.locator('summary', { hasText: 'Another event of that day' }).click();
    await card.locator('input[type="search"]').fill('Canadiens Rangers');
    await card.locator('button', { hasText: 'Find event' }).click();
    await card
      .locator('button', { hasText: /Accept .*Rangers.*Canadiens|Accept .*Canadiens.*Rangers/ })
      .first()
      .click();
    await status(/Pinned zeta-sports-01\.corpus/);
    expect(carriesTheGame(await fetch(`${t.url}/epg/corpus.xml`).then((r) => r.text()))).toBe(true);
  });

  it('teaches a team alias', async () => {
    await page.click('nav button[data-view="teams"]');
    await page.selectOption('#teams-league', 'NHL');
    await page.fill('#teams-search', 'Rangers');
    await page.click('#teams-form button[type="submit"]');
    const card = page.locator('#teams-list article', { hasText: 'New York Rangers' });
    await card.waitFor();
    // What the review queue taught is listed with its source.
    await card.locator('.chip', { hasText: 'Blueshirts · admin' }).waitFor();
    await card.locator('input').fill('Broadway Blueshirts');
    await card.locator('button', { hasText: 'Add alias' }).click();
    await status(/now also goes by Broadway Blueshirts/);
    await page.locator('#teams-list .chip', { hasText: 'Broadway Blueshirts · admin' }).waitFor();
    await shot('teams');
  });

  it('is readable at a phone’s width, without sideways scrolling of the page', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const view of ['providers', 'review', 'teams']) {
      await page.click(`nav button[data-view="${view}"]`);
      await page.waitForTimeout(300);
      const overflow = Number(
        await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'),
      );
      expect(overflow, view).toBeLessThanOrEqual(1);
    }
    await shot('phone-teams');
  });
});
