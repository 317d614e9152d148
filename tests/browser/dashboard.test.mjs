// End-to-end test of the alaqat dashboard in headless Chromium (Debian's /usr/bin/chromium,
// driven by playwright-core). Starts `alaqat demo` on a free port over a fresh temporary store,
// walks the dashboard like an analyst would, saves screenshots in target/screenshots/, and
// exits non-zero with a clear message on the first failed check. The server is always killed.
//
//   ALAQAT_BIN      the binary (default target/release/alaqat)
//   ALAQAT_URL      test an already running server instead of starting one (development)
//   CHROMIUM        the browser (default /usr/bin/chromium)
//   SCREENSHOTS     output directory (default target/screenshots)

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const bin = path.resolve(root, process.env.ALAQAT_BIN || 'target/release/alaqat');
const browserPath = process.env.CHROMIUM || '/usr/bin/chromium';
const shots = path.resolve(root, process.env.SCREENSHOTS || 'target/screenshots');
const started = Date.now();

let server = null;
let browser = null;
let tmp = null;
let serverLog = '';

function log(msg) {
  const s = ((Date.now() - started) / 1000).toFixed(1).padStart(5);
  console.log(`[${s}s] ${msg}`);
}

class Failure extends Error {}

function check(cond, msg) {
  if (!cond) throw new Failure(msg);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function startServer() {
  if (process.env.ALAQAT_URL) return process.env.ALAQAT_URL.replace(/\/?$/, '/');
  check(fs.existsSync(bin), `no alaqat binary at ${bin} (build it with \`cargo build --release\` or set ALAQAT_BIN)`);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'alaqat-browser-'));
  const port = await freePort();
  const args = ['demo', '--data', path.join(tmp, 'store'), '--addr', `127.0.0.1:${port}`];
  log(`starting ${bin} ${args.join(' ')}`);
  const env = { ...process.env };
  delete env.ALAQAT_DATA;
  delete env.ALAQAT_TOKEN;
  server = spawn(bin, args, { cwd: tmp, stdio: ['ignore', 'pipe', 'pipe'], env });
  return await new Promise((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => reject(new Failure(`no "dashboard: http://…/" line from alaqat demo within 180 s\n${serverLog}`)), 180_000);
    server.stdout.on('data', (chunk) => {
      const text = chunk.toString('utf8');
      serverLog += text;
      buf += text;
      const m = buf.match(/dashboard: (http:\/\/\S+?\/?)\s*$/m);
      if (m) {
        clearTimeout(timer);
        resolve(m[1].replace(/\/?$/, '/'));
      }
    });
    server.stderr.on('data', (chunk) => {
      serverLog += chunk.toString('utf8');
    });
    server.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Failure(`alaqat demo exited (code ${code}, signal ${signal}) before serving\n${serverLog}`));
    });
  });
}

async function stopServer() {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  const done = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 5000);
  await done;
  clearTimeout(timer);
}

async function cleanup() {
  if (browser) await browser.close().catch(() => {});
  await stopServer().catch(() => {});
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
}

async function getJson(base, p) {
  const res = await fetch(new URL(p, base));
  check(res.ok, `GET ${p} → ${res.status}`);
  return res.json();
}

/** Watches a page for console errors, uncaught exceptions and failed requests. */
function watch(page, problems) {
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught exception: ${err.message}`));
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.method()} ${req.url()} (${req.failure()?.errorText})`));
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()} for ${res.request().method()} ${res.url()}`);
  });
}

async function waitForDyad(page, key) {
  await page.waitForSelector(`[data-testid="event-table"][data-dyad="${key}"]`, { timeout: 15_000 });
}

async function noHorizontalOverflow(page, what) {
  const m = await page.evaluate(() => ({
    doc: document.documentElement.scrollWidth,
    body: document.body.scrollWidth,
    vw: document.documentElement.clientWidth,
  }));
  check(m.doc <= m.vw && m.body <= m.vw, `${what}: horizontal overflow (document ${m.doc}px, body ${m.body}px, viewport ${m.vw}px)`);
}

async function main() {
  fs.mkdirSync(shots, { recursive: true });
  const base = await startServer();
  log(`dashboard at ${base}`);
  browser = await chromium.launch({
    executablePath: browserPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  log(`chromium ${browser.version()}`);
  const problems = [];

  // ---- desktop, Arabic (the default) ------------------------------------------------------
  const desktop = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await desktop.newPage();
  watch(page, problems);
  await page.goto(base, { waitUntil: 'load' });
  check((await page.getAttribute('html', 'dir')) === 'rtl', 'the dashboard should open right-to-left');
  check((await page.getAttribute('html', 'lang')) === 'ar', 'the dashboard should open in Arabic');
  await page.waitForFunction(() => document.querySelector('[data-testid="dyad-select"]:not([disabled]), [data-testid="error"]'), null, { timeout: 15_000 });
  const loadError = await page.$('[data-testid="error"]');
  check(!loadError, `the dashboard could not load: ${loadError && (await loadError.textContent())}`);

  // the dyad picker: Saudi Arabia–Kazakhstan
  const options = await page.$$eval('[data-testid="dyad-select"] option', (os) => os.map((o) => ({ value: o.value, text: o.textContent })));
  const sauKaz = options.find((o) => {
    const parts = o.value.split(',');
    return parts.includes('SAU') && parts.includes('KAZ');
  });
  check(sauKaz, `no Saudi Arabia–Kazakhstan dyad in the picker (options: ${options.map((o) => o.value).join(' ')})`);
  check(/السعودية/.test(sauKaz.text) && /كازاخستان/.test(sauKaz.text), `the dyad option should carry Arabic names, got "${sauKaz.text}"`);
  // start from another dyad when there is one, so that picking really changes the view
  const other = options.find((o) => o.value !== sauKaz.value);
  if (other) {
    await page.selectOption('[data-testid="dyad-select"]', other.value);
    await waitForDyad(page, other.value);
  }
  await page.selectOption('[data-testid="dyad-select"]', sauKaz.value);
  await waitForDyad(page, sauKaz.value);
  check(new URL(page.url()).searchParams.get('dyad') === sauKaz.value, `the URL should carry ?dyad=${sauKaz.value}, got ${page.url()}`);
  log(`picked ${sauKaz.value} (${sauKaz.text})`);

  // the timeline: the 1994 visit and the December 2025 meeting
  const months = await page.$$eval('[data-testid="timeline-chart"] [data-testid="timeline-month"]', (gs) => gs.map((g) => g.dataset.month));
  check(months.some((m) => m.startsWith('1994-')), `the timeline should have a month in 1994, has ${months.join(' ')}`);
  check(months.includes('2025-12'), `the timeline should have 2025-12, has ${months.join(' ')}`);
  const bars = await page.$$('[data-testid="timeline-chart"] rect.bar');
  check(bars.length >= months.length, 'the timeline should draw a bar per month');
  check(await page.$('[data-testid="timeline-chart"] polyline.gline'), 'the timeline should draw the Goldstein line');

  // the event table
  const rows = await page.$$eval('[data-testid="event-row"]', (trs) => trs.map((tr) => ({ id: tr.dataset.eventId, date: tr.dataset.date, code: tr.dataset.code, text: tr.textContent })));
  check(rows.length > 0, 'the event table should list events');
  check(rows.some((r) => r.date.startsWith('1994')), `the event table should have an event dated in 1994 (dates: ${rows.map((r) => r.date).join(' ')})`);
  check(rows.some((r) => r.date.startsWith('2025-12')), `the event table should have an event dated 2025-12 (dates: ${rows.map((r) => r.date).join(' ')})`);
  const [a, b] = sauKaz.value.split(',');
  const timeline = await getJson(base, `api/timeline?a=${a}&b=${b}`);
  const byId = new Map(timeline.events.map((e) => [e.id, e]));
  check(rows.every((r) => byId.has(r.id)), 'every row should be an event of /api/timeline');
  log(`timeline: ${months.length} months, ${rows.length} events`);

  // open the 1994 visit (CAMEO 042), see its sentence highlighted in its article
  const visit = rows.find((r) => r.date.startsWith('1994-09') && r.code === '042') || rows.find((r) => r.date.startsWith('1994'));
  const visitEvent = byId.get(visit.id);
  await page.click(`[data-testid="event-row"][data-event-id="${visit.id}"]`);
  const mark = await page.waitForSelector('[data-testid="article-view"] [data-testid="evidence-mark"]', { timeout: 10_000 });
  const markText = await mark.textContent();
  check(markText === visitEvent.evidence.text, `the highlighted text should be the event's evidence\n  expected: ${visitEvent.evidence.text}\n  got:      ${markText}`);
  const doc = await getJson(base, `api/documents/${encodeURIComponent(visitEvent.evidence.document)}`);
  const cps = Array.from(doc.text);
  check(
    cps.slice(visitEvent.evidence.start, visitEvent.evidence.end).join('') === markText,
    'the mark should cover evidence.start..evidence.end in code points of the document text'
  );
  const articleText = await page.textContent('[data-testid="article-text"]');
  check(articleText === doc.text, 'the article view should show the full document text');
  check(/\b1994\b/.test(visitEvent.evidence.text) || /نزارباييف|Nazarbayev/.test(visitEvent.evidence.text), `the 1994 event should be the visit, got: ${visitEvent.evidence.text}`);
  await page.waitForTimeout(150);
  const inView = await mark.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.bottom > 0 && r.top < window.innerHeight && r.height > 0;
  });
  check(inView, 'the evidence mark should be scrolled into view');
  check((await page.getAttribute(`[data-testid="event-row"][data-event-id="${visit.id}"]`, 'aria-current')) === 'true', 'the clicked row should be marked current');
  log(`opened ${visit.code} ${visit.date}: «${markText.slice(0, 60)}…»`);

  // keyboard: the December 2025 meeting, opened with Enter
  const meeting = rows.find((r) => r.date.startsWith('2025-12'));
  await page.focus(`[data-testid="event-row"][data-event-id="${meeting.id}"]`);
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    (text) => document.querySelector('[data-testid="evidence-mark"]')?.textContent === text,
    byId.get(meeting.id).evidence.text,
    { timeout: 10_000 }
  );
  log(`opened ${meeting.code} ${meeting.date} with the keyboard`);

  // back to the 1994 visit for the screenshot, top of the page
  await page.click(`[data-testid="event-row"][data-event-id="${visit.id}"]`);
  await page.waitForFunction((text) => document.querySelector('[data-testid="evidence-mark"]')?.textContent === text, visitEvent.evidence.text);
  await page.waitForTimeout(200); // the article scrolls its mark into view on the next frame
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(100);
  await page.screenshot({ path: path.join(shots, 'desktop-ar.png') });
  await page.screenshot({ path: path.join(shots, 'desktop-ar-full.png'), fullPage: true });

  // the network and the side panels
  const nodes = await page.$$('[data-testid="network"] [data-testid="network-node"]');
  const edges = await page.$$('[data-testid="network"] [data-testid="network-edge"]');
  check(nodes.length >= 2 && edges.length >= 1, `the actor network should have nodes and edges (${nodes.length} nodes, ${edges.length} edges)`);
  check(await page.isVisible('[data-testid="conflicts"]'), 'the conflicts panel should be visible');
  check(await page.isVisible('[data-testid="commitments"]'), 'the commitments panel should be visible');

  // an Arabic search
  const query = 'الكازاخستانية';
  await page.fill('[data-testid="search-input"]', query);
  await page.press('[data-testid="search-input"]', 'Enter');
  // results, or the API's error shown in the panel (reported as such)
  await page.waitForFunction(() => document.querySelector('[data-testid="search-result"], #search-msg [data-testid="error"]'), null, { timeout: 10_000 });
  const searchError = await page.$('#search-msg [data-testid="error"]');
  check(!searchError, `the search for ${query} failed: ${searchError && (await searchError.textContent())}`);
  const results = await page.$$eval('[data-testid="search-result"]', (lis) =>
    lis.map((li) => ({ doc: li.dataset.document, marks: Array.from(li.querySelectorAll('[data-testid="search-mark"]')).map((m) => m.textContent) }))
  );
  check(results.length > 0, `the search for ${query} should find something`);
  check(
    results.some((r) => r.marks.length > 0 && r.marks.every((m) => m.length > 0)),
    `the search results should highlight the hits (${JSON.stringify(results.slice(0, 3))})`
  );
  await page.click('[data-testid="search-result"] button');
  await page.waitForSelector('[data-testid="article-view"] [data-testid="hit-mark"]', { timeout: 10_000 });
  log(`search ${query}: ${results.length} results shown, first hit «${results[0].marks[0]}»`);

  // switch to English
  await page.click('[data-testid="lang-toggle"]');
  await page.waitForSelector('html[dir="ltr"][lang="en"]', { timeout: 5000 });
  const labels = await page.evaluate(() => ({
    events: document.getElementById('events-h').textContent,
    timeline: document.getElementById('timeline-h').textContent,
    th: Array.from(document.querySelectorAll('table.events th')).map((th) => th.textContent),
    toggle: document.querySelector('[data-testid="lang-toggle"]').textContent,
    option: document.querySelector('[data-testid="dyad-select"]').selectedOptions[0].textContent,
  }));
  check(labels.events === 'Events' && labels.timeline === 'Timeline', `English headings expected, got ${JSON.stringify(labels)}`);
  check(labels.th[0] === 'Date', `English table headers expected, got ${labels.th.join(' | ')}`);
  check(labels.toggle === 'العربية', `the toggle should offer Arabic back, got ${labels.toggle}`);
  check(/Saudi Arabia/.test(labels.option) && /Kazakhstan/.test(labels.option), `the dyad should be named in English, got ${labels.option}`);
  check((await page.$$('[data-testid="event-row"]')).length === rows.length, 'switching language should keep the events');
  await page.click(`[data-testid="event-row"][data-event-id="${visit.id}"]`);
  await page.waitForFunction((text) => document.querySelector('[data-testid="evidence-mark"]')?.textContent === text, visitEvent.evidence.text);
  await page.waitForTimeout(200); // the article scrolls its mark into view on the next frame
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(100);
  await page.screenshot({ path: path.join(shots, 'desktop-en.png') });
  // the choice persists, and the dyad is in the URL
  await page.reload({ waitUntil: 'load' });
  await waitForDyad(page, sauKaz.value);
  check((await page.getAttribute('html', 'dir')) === 'ltr', 'the English choice should persist across a reload');
  log('English: labels, persistence and ?dyad= checked');

  // ---- phone --------------------------------------------------------------------------------
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const mobile = await phone.newPage();
  watch(mobile, problems);
  await mobile.goto(new URL(`?dyad=${sauKaz.value}`, base).href, { waitUntil: 'load' });
  await waitForDyad(mobile, sauKaz.value);
  check((await mobile.getAttribute('html', 'dir')) === 'rtl', 'a new visitor on a phone should get Arabic');
  await noHorizontalOverflow(mobile, 'phone 390×844');
  const columns = await mobile.evaluate(() => getComputedStyle(document.querySelector('main.grid')).gridTemplateColumns.split(' ').length);
  check(columns === 1, `the phone layout should be one column, got ${columns}`);
  await mobile.screenshot({ path: path.join(shots, 'phone.png') });
  await mobile.tap(`[data-testid="event-row"][data-event-id="${visit.id}"]`);
  await mobile.waitForSelector('[data-testid="evidence-mark"]');
  await mobile.waitForTimeout(150);
  await noHorizontalOverflow(mobile, 'phone with the article open');
  await mobile.screenshot({ path: path.join(shots, 'phone-article.png') });
  await mobile.screenshot({ path: path.join(shots, 'phone-full.png'), fullPage: true });
  log('phone: one column, no horizontal overflow');

  check(problems.length === 0, `the browser reported problems:\n  ${problems.join('\n  ')}`);
  log(`screenshots in ${path.relative(root, shots) || shots}`);
}

let code = 0;
process.on('SIGINT', async () => {
  await cleanup();
  process.exit(130);
});
try {
  await main();
  log('PASS dashboard end-to-end');
} catch (e) {
  code = 1;
  if (e instanceof Failure) console.error(`FAIL: ${e.message}`);
  else console.error(`FAIL (error): ${e && e.stack ? e.stack : e}`);
  if (serverLog && process.env.ALAQAT_TEST_VERBOSE) console.error(`--- server output ---\n${serverLog}`);
} finally {
  await cleanup();
}
process.exit(code);
