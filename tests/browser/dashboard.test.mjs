// End-to-end test of the alaqat dashboard in headless Chromium (Debian's /usr/bin/chromium,
// driven by playwright-core). Starts `alaqat demo` on a free port over a fresh temporary store,
// with a corpus made of the repository's demo corpus plus a small conflict fixture written
// here (Saudi Arabia–Iran: condemnations in 2016 and 2019, a visit in 2023), walks the
// dashboard like an analyst would, saves screenshots in target/screenshots/, and exits
// non-zero with a clear message on the first failed check. The server is always killed.
//
//   ALAQAT_BIN      the binary (default target/release/alaqat)
//   ALAQAT_URL      test an already running server instead of starting one (development); it
//                   must serve the corpus `node dashboard.test.mjs --write-corpus DIR` writes
//                   (`alaqat demo --corpus DIR`)
//   ALAQAT_TEST_STORE  a PostgreSQL store (postgres://…, an empty schema) to test the dashboard
//                   on: the corpus is ingested into it with `alaqat ingest --store` and served
//                   with `alaqat serve --store` instead of `alaqat demo`
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

// The conflict fixture: Arabic reports written for this test. What today's extractor codes from
// them (`alaqat annotate`): 111 SAU → IRN on 2016-01-03 and on 2019-09-20 (QuadClass 3), and
// 043/042/040 between the two governments on 2023-08-18 (QuadClass 1). The break of relations
// is not coded yet (161 would be QuadClass 4); the checks below hold for whatever conflict
// codes the extractor gives, and need at least one.
const FIXTURE = {
  'sau-irn-embassy-2016-01.txt': `الرياض، 3 يناير 2016 (واس) - أدانت المملكة العربية السعودية بشدة الاعتداءات الإيرانية على سفارتها في طهران وقنصليتها في مشهد، وحمّلت الحكومة الإيرانية مسؤولية حماية البعثات الدبلوماسية.

وفي وقت لاحق من اليوم نفسه قطعت المملكة العربية السعودية علاقاتها الدبلوماسية مع إيران، وأمهلت أعضاء البعثة الدبلوماسية الإيرانية 48 ساعة لمغادرة البلاد.
`,
  'sau-irn-abqaiq-2019-09.txt': `جدة، 20 سبتمبر 2019 (واس) - انتقدت المملكة العربية السعودية السياسات الإيرانية في المنطقة، بعد الهجوم على منشأتي بقيق وخريص.
`,
  'sau-irn-jeddah-2023-08.txt': `الرياض، 18 أغسطس 2023 (واس) - استقبل ولي العهد السعودي الأمير محمد بن سلمان وزير الخارجية الإيراني في جدة يوم 18 أغسطس 2023، وبحث معه العلاقات الثنائية.
`,
};

/** The corpus the demo ingests: the repository's demo corpus (a link) and the fixture. */
function writeCorpus(dir) {
  fs.mkdirSync(path.join(dir, 'fixture'), { recursive: true });
  fs.symlinkSync(path.join(root, 'demo', 'corpus'), path.join(dir, 'demo'), 'dir');
  for (const [name, text] of Object.entries(FIXTURE)) fs.writeFileSync(path.join(dir, 'fixture', name), text);
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
  const corpus = path.join(tmp, 'corpus');
  writeCorpus(corpus);
  const data = path.join(tmp, 'store');
  const env = { ...process.env };
  delete env.ALAQAT_DATA;
  delete env.ALAQAT_TOKEN;
  delete env.ALAQAT_STORE;
  let args = ['demo', '--corpus', corpus, '--data', data, '--addr', `127.0.0.1:${port}`];
  const store = process.env.ALAQAT_TEST_STORE;
  if (store) {
    // The server store: ingest by the command line, then serve it.
    log(`ingesting ${corpus} into the PostgreSQL store`);
    await run(bin, ['--quiet', 'ingest', '--store', store, '--data', data, corpus], env);
    args = ['serve', '--store', store, '--data', data, '--addr', `127.0.0.1:${port}`];
  }
  log(`starting ${bin} ${args[0]} on 127.0.0.1:${port}${store ? ' over PostgreSQL' : ''}`);
  server = spawn(bin, args, { cwd: tmp, stdio: ['ignore', 'pipe', 'pipe'], env });
  return await new Promise((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => reject(new Failure(`no "dashboard: http://…/" line from alaqat within 180 s\n${serverLog}`)), 180_000);
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
      reject(new Failure(`alaqat exited (code ${code}, signal ${signal}) before serving\n${serverLog}`));
    });
  });
}

/** Runs a command to its end; fails with its output unless it exits 0. */
function run(command, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: tmp, stdio: ['ignore', 'pipe', 'pipe'], env });
    let output = '';
    child.stdout.on('data', (chunk) => { output += chunk.toString('utf8'); });
    child.stderr.on('data', (chunk) => { output += chunk.toString('utf8'); });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Failure(`${path.basename(command)} ${args[1]} exited (code ${code}, signal ${signal})\n${output}`));
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

/** "YYYY-MM" → months since year 0. */
function monthIndex(m) {
  const [y, mo] = m.split('-').map(Number);
  return y * 12 + mo - 1;
}

const BUCKET_MONTHS = { month: 1, quarter: 3, year: 12 };

/** The timeline as drawn, in screen coordinates: its unit, the zero line, each period with bars. */
async function readTimeline(page) {
  return page.evaluate(() => {
    const svg = document.querySelector('[data-testid="timeline-chart"] svg');
    if (!svg) return null;
    const zero = svg.querySelector('[data-testid="timeline-zero"]');
    const z = zero ? zero.getBoundingClientRect() : null;
    const periods = Array.from(svg.querySelectorAll('[data-testid="timeline-month"]')).map((g) => ({
      period: g.dataset.period,
      start: g.dataset.start,
      end: g.dataset.end,
      months: (g.dataset.months || '').split(' ').filter(Boolean),
      events: Number(g.dataset.events),
      coop: Number(g.dataset.coop),
      conflict: Number(g.dataset.conflict),
      label: g.getAttribute('aria-label') || '',
      title: (g.querySelector('title') || {}).textContent || '',
      focusable: g.getAttribute('tabindex') === '0' && g.getAttribute('role') === 'button',
      bars: Array.from(g.querySelectorAll('rect.bar')).map((b) => {
        const r = b.getBoundingClientRect();
        return { classes: Array.from(b.classList), quad: Number(b.dataset.quad), count: Number(b.dataset.count), top: r.top, bottom: r.bottom, cx: r.left + r.width / 2, height: r.height };
      }),
    }));
    const legend = document.querySelector('[data-testid="timeline-bucket"]');
    return {
      unit: svg.dataset.unit,
      zeroY: z ? z.top + z.height / 2 : null,
      periods,
      bars: svg.querySelectorAll('rect.bar').length,
      legendUnit: legend ? legend.dataset.unit : null,
      legendText: legend ? legend.textContent : null,
      width: svg.getBoundingClientRect().width,
    };
  });
}

/**
 * The time axis is true: the periods drawn are exactly the periods with events (months,
 * quarters or years as the chart says), empty periods have no bars, and the distances between
 * the bars of three months are in proportion to the time between them.
 */
function checkTimeAxis(tl, apiMonths, what, later) {
  check(tl, `${what}: no timeline chart`);
  const per = BUCKET_MONTHS[tl.unit];
  check(per, `${what}: the chart should say its unit (month, quarter or year), got ${tl.unit}`);
  check(tl.legendUnit === tl.unit && tl.legendText, `${what}: the legend should name the unit ${tl.unit}, got ${tl.legendUnit} «${tl.legendText}»`);
  const bucketOf = (m) => Math.floor(monthIndex(m) / per) * per;
  const withEvents = apiMonths.filter((m) => m.events > 0);
  const expected = new Set(withEvents.map((m) => bucketOf(m.month)));
  const drawn = tl.periods.map((p) => monthIndex(p.start));
  check(
    drawn.length === expected.size && drawn.every((b) => expected.has(b)),
    `${what}: the chart should draw one ${tl.unit} per period with events (${expected.size}), drew ${tl.periods.map((p) => p.period).join(' ')}`
  );
  let bars = 0;
  for (const p of tl.periods) {
    check(monthIndex(p.end) - monthIndex(p.start) + 1 === per, `${what}: ${p.period} should span one ${tl.unit} (${p.start}..${p.end})`);
    check(p.months.length && p.months.every((m) => bucketOf(m) === monthIndex(p.start)), `${what}: ${p.period} holds months outside it: ${p.months.join(' ')}`);
    const api = withEvents.filter((m) => bucketOf(m.month) === monthIndex(p.start)).reduce((a, m) => a + m.events, 0);
    check(p.events === api && p.bars.reduce((a, b) => a + b.count, 0) === api, `${what}: ${p.period} should draw its ${api} events, draws ${p.events}`);
    check(p.bars.length > 0 && p.bars.every((b) => b.height > 0), `${what}: ${p.period} should have visible bars`);
    check(p.focusable && p.label.startsWith(p.period) && p.title === p.label, `${what}: ${p.period} should be a focusable button with its label and title («${p.label}»)`);
    bars += p.bars.length;
  }
  check(tl.bars === bars, `${what}: ${tl.bars - bars} bars outside the periods with events`);

  // three months: the first, one in between (from `later` on, when given), the last
  const months = withEvents.map((m) => m.month).sort();
  const m1 = months[0];
  const m3 = months[months.length - 1];
  const m2 = months.find((m) => m >= (later || '') && bucketOf(m) !== bucketOf(m1) && bucketOf(m) !== bucketOf(m3));
  check(m2, `${what}: no month ${later ? `from ${later} on ` : ''}in a period of its own between ${m1} and ${m3} (months: ${months.join(' ')})`);
  const at = (m) => {
    const p = tl.periods.find((q) => monthIndex(q.start) === bucketOf(m));
    return { m, period: p.period, x: p.bars[0].cx, t: bucketOf(m) + per / 2, raw: monthIndex(m) + 0.5 };
  };
  const [a, b, c] = [at(m1), at(m2), at(m3)];
  check(a.x < b.x && b.x < c.x, `${what}: time should run left to right (${a.period} at ${a.x}, ${b.period} at ${b.x}, ${c.period} at ${c.x})`);
  const rx = (b.x - a.x) / (c.x - a.x);
  const rt = (b.t - a.t) / (c.t - a.t);
  const raw = (b.raw - a.raw) / (c.raw - a.raw);
  check(Math.abs(rx - rt) < 0.02, `${what}: distances should follow time: (${b.period} − ${a.period}) / (${c.period} − ${a.period}) is ${rx.toFixed(3)} on screen, ${rt.toFixed(3)} in time`);
  check(Math.abs(rx - raw) <= per / (c.raw - a.raw) + 0.02, `${what}: ${m1}, ${m2}, ${m3}: ratio ${rx.toFixed(3)} on screen, ${raw.toFixed(3)} in months`);
  // every bar sits, by the same scale, in a period with events: gaps stay empty
  const tOf = (x) => a.t + ((x - a.x) * (c.t - a.t)) / (c.x - a.x);
  for (const p of tl.periods) {
    for (const bar of p.bars) {
      const bucket = Math.floor(tOf(bar.cx) / per) * per;
      check(expected.has(bucket), `${what}: a bar of ${p.period} is drawn where no events are (${bar.cx}px)`);
    }
  }
  return { unit: tl.unit, ratio: rx, time: rt, m1, m2, m3, gapPx: b.x - a.x, spanPx: c.x - a.x };
}

/** Conflict below the zero line, cooperation above, each bar with its class. */
function checkDiverging(tl, what) {
  check(typeof tl.zeroY === 'number', `${what}: the chart should draw its zero line`);
  let conflict = 0;
  for (const p of tl.periods) {
    let below = 0;
    for (const bar of p.bars) {
      if (bar.quad >= 3) {
        check(bar.classes.includes('conflict') && bar.classes.includes('q' + bar.quad), `${what}: the QuadClass ${bar.quad} bar of ${p.period} should have the conflict class (${bar.classes.join(' ')})`);
        check(bar.top >= tl.zeroY - 0.5 && bar.bottom > tl.zeroY + 1, `${what}: the conflict bar of ${p.period} should hang below the zero line (top ${bar.top}, bottom ${bar.bottom}, zero ${tl.zeroY})`);
        below += bar.count;
      } else {
        check(bar.classes.includes('coop') && !bar.classes.includes('conflict'), `${what}: the QuadClass ${bar.quad} bar of ${p.period} should have the cooperation class`);
        check(bar.bottom <= tl.zeroY + 0.5 && bar.top < tl.zeroY - 1, `${what}: the cooperation bar of ${p.period} should stand above the zero line (top ${bar.top}, bottom ${bar.bottom}, zero ${tl.zeroY})`);
      }
    }
    check(below === p.conflict, `${what}: ${p.period} says ${p.conflict} conflict events, draws ${below} below the line`);
    conflict += below;
  }
  return conflict;
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

  // the timeline: the 1994 visit and the December 2025 meeting, on a true time axis
  const [a, b] = sauKaz.value.split(',');
  const timeline = await getJson(base, `api/timeline?a=${a}&b=${b}`);
  const drawn = await readTimeline(page);
  const months = drawn.periods.flatMap((p) => p.months);
  check(months.some((m) => m.startsWith('1994-')), `the timeline should have a month in 1994, has ${months.join(' ')}`);
  check(months.includes('2025-12'), `the timeline should have 2025-12, has ${months.join(' ')}`);
  const axis = checkTimeAxis(drawn, timeline.months, 'desktop, Arabic', '2021-01');
  check(await page.$('[data-testid="timeline-chart"] polyline.gline'), 'the timeline should draw the Goldstein line');
  const dots = await page.$$('[data-testid="timeline-chart"] circle.gdot');
  check(dots.length === drawn.periods.length, `the Goldstein line should have a point per period (${dots.length} for ${drawn.periods.length})`);
  checkDiverging(drawn, 'desktop, Arabic');
  log(
    `time axis: one bar per ${axis.unit}; ${axis.m1} → ${axis.m2} is ${axis.gapPx.toFixed(0)} of ${axis.spanPx.toFixed(0)} px to ${axis.m3} ` +
      `(${axis.ratio.toFixed(3)}, time ${axis.time.toFixed(3)})`
  );

  // the event table
  const rows = await page.$$eval('[data-testid="event-row"]', (trs) => trs.map((tr) => ({ id: tr.dataset.eventId, date: tr.dataset.date, code: tr.dataset.code, text: tr.textContent })));
  check(rows.length > 0, 'the event table should list events');
  check(rows.some((r) => r.date.startsWith('1994')), `the event table should have an event dated in 1994 (dates: ${rows.map((r) => r.date).join(' ')})`);
  check(rows.some((r) => r.date.startsWith('2025-12')), `the event table should have an event dated 2025-12 (dates: ${rows.map((r) => r.date).join(' ')})`);
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

  // ---- conflict: the fixture's Saudi Arabia–Iran dyad -----------------------------------
  const sauIrn = options.find((o) => {
    const parts = o.value.split(',');
    return parts.includes('SAU') && parts.includes('IRN');
  });
  check(sauIrn, `no Saudi Arabia–Iran dyad from the fixture in the picker (options: ${options.map((o) => o.value).join(' ')})`);
  const [ia, ib] = sauIrn.value.split(',');
  const conflictTimeline = await getJson(base, `api/timeline?a=${ia}&b=${ib}`);
  const conflictEvents = conflictTimeline.events.filter((e) => e.quad >= 3);
  check(
    conflictEvents.length > 0,
    `the fixture should give conflict events (QuadClass 3–4); coded: ${conflictTimeline.events.map((e) => `${e.code}/Q${e.quad}`).join(' ') || 'nothing'}`
  );
  await page.selectOption('[data-testid="dyad-select"]', sauIrn.value);
  await waitForDyad(page, sauIrn.value);
  await page.evaluate(() => window.scrollTo(0, 0));
  const conflictDrawn = await readTimeline(page);
  checkTimeAxis(conflictDrawn, conflictTimeline.months, 'Saudi Arabia–Iran');
  const below = checkDiverging(conflictDrawn, 'Saudi Arabia–Iran');
  check(below === conflictEvents.length, `all ${conflictEvents.length} conflict events should be drawn below the zero line, ${below} are`);
  const coopEvents = conflictTimeline.events.length - conflictEvents.length;
  const above = conflictDrawn.periods.reduce((n, p) => n + p.coop, 0);
  check(above === coopEvents, `the ${coopEvents} cooperation events should stand above the zero line, ${above} do`);
  const conflictPeriod = conflictDrawn.periods.find((p) => p.conflict > 0);
  check(/نزاع/.test(conflictPeriod.label), `the conflict period's label should count the conflict in words: «${conflictPeriod.label}»`);

  // the event table marks conflict rows: a class, a coloured edge, the QuadClass named
  const readRows = () =>
    page.$$eval('[data-testid="event-row"]', (trs) =>
      trs.map((tr) => {
        const badge = tr.querySelector('[data-testid="conflict-badge"]');
        return {
          id: tr.dataset.eventId,
          date: tr.dataset.date,
          conflict: tr.dataset.conflict === 'true' && tr.classList.contains('conflict'),
          badge: badge ? badge.textContent : null,
          edge: parseFloat(getComputedStyle(tr.cells[0]).borderInlineStartWidth) || 0,
          g: tr.querySelector('td.g').className,
        };
      })
    );
  const quadName = { ar: { 3: 'نزاع لفظي', 4: 'نزاع مادي' }, en: { 3: 'Verbal conflict', 4: 'Material conflict' } };
  const checkRows = (rowsNow, lang) => {
    const byIdNow = new Map(conflictTimeline.events.map((e) => [e.id, e]));
    check(rowsNow.length === conflictTimeline.events.length, `the table should list the dyad's ${conflictTimeline.events.length} events, lists ${rowsNow.length}`);
    for (const r of rowsNow) {
      const ev = byIdNow.get(r.id);
      check(ev, `row ${r.id} is not an event of /api/timeline`);
      const sign = ev.goldstein < 0 ? 'neg' : ev.goldstein > 0 ? 'pos' : null;
      check(!sign || r.g.split(' ').includes(sign), `the Goldstein cell of ${ev.code} should be coloured ${sign}, has class "${r.g}"`);
      if (ev.quad >= 3) {
        check(r.conflict, `the ${ev.code} row (QuadClass ${ev.quad}) should be marked as conflict`);
        check(r.badge === quadName[lang][ev.quad], `the ${ev.code} row should name its class «${quadName[lang][ev.quad]}», has «${r.badge}»`);
        check(r.edge >= 3, `the ${ev.code} row should have a coloured edge, has ${r.edge}px`);
      } else {
        check(!r.conflict && r.badge === null && r.edge === 0, `the ${ev.code} row (QuadClass ${ev.quad}) should not be marked as conflict`);
      }
    }
  };
  const conflictRows = await readRows();
  checkRows(conflictRows, 'ar');
  log(
    `conflict: ${conflictEvents.map((e) => `${e.code} ${e.date && e.date.start}`).join(', ')} below the line, ` +
      `${coopEvents} cooperation events above; ${conflictRows.filter((r) => r.conflict).length} rows marked`
  );

  // the keyboard filters the table to the conflict period and back
  const periodSel = `[data-testid="timeline-month"][data-period="${conflictPeriod.period}"]`;
  await page.focus(periodSel);
  await page.keyboard.press('Enter');
  await page.waitForSelector(`${periodSel}[aria-pressed="true"]`);
  const filtered = await readRows();
  check(
    filtered.length > 0 && filtered.every((r) => r.date.slice(0, 7) >= conflictPeriod.start && r.date.slice(0, 7) <= conflictPeriod.end),
    `Enter on ${conflictPeriod.period} should filter the table to it (${filtered.map((r) => r.date).join(' ')})`
  );
  check(filtered.some((r) => r.conflict), `the filtered table should show the conflict rows of ${conflictPeriod.period}`);
  check(await page.evaluate((p) => document.activeElement && document.activeElement.dataset.period === p, conflictPeriod.period), 'the period should keep the focus');
  await page.keyboard.press('Enter');
  await page.waitForSelector(`${periodSel}[aria-pressed="false"]`);
  check((await readRows()).length === conflictRows.length, 'Enter again should clear the filter');
  // the condemnation in its article, for the screenshot
  const condemnation = conflictEvents[0];
  await page.click(`[data-testid="event-row"][data-event-id="${condemnation.id}"]`);
  await page.waitForFunction((text) => document.querySelector('[data-testid="evidence-mark"]')?.textContent === text, condemnation.evidence.text);
  await page.waitForTimeout(200);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(100);
  await page.screenshot({ path: path.join(shots, 'desktop-ar-conflict.png') });
  await page.selectOption('[data-testid="dyad-select"]', sauKaz.value);
  await waitForDyad(page, sauKaz.value);

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
  const drawnEn = await readTimeline(page);
  checkTimeAxis(drawnEn, timeline.months, 'desktop, English', '2021-01');
  check(/^One bar per (month|quarter|year)$/.test(drawnEn.legendText), `the English legend should name the unit, got «${drawnEn.legendText}»`);
  log('English: labels, persistence, ?dyad= and the time axis checked');
  // the conflict dyad in English
  await page.selectOption('[data-testid="dyad-select"]', sauIrn.value);
  await waitForDyad(page, sauIrn.value);
  checkDiverging(await readTimeline(page), 'Saudi Arabia–Iran, English');
  checkRows(await readRows(), 'en');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(100);
  await page.screenshot({ path: path.join(shots, 'desktop-en-conflict.png') });

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
  const drawnPhone = await readTimeline(mobile);
  const phoneAxis = checkTimeAxis(drawnPhone, timeline.months, 'phone', '2021-01');
  log(`phone time axis: one bar per ${phoneAxis.unit}, ratio ${phoneAxis.ratio.toFixed(3)} (time ${phoneAxis.time.toFixed(3)})`);
  await mobile.screenshot({ path: path.join(shots, 'phone.png') });
  await mobile.tap(`[data-testid="event-row"][data-event-id="${visit.id}"]`);
  await mobile.waitForSelector('[data-testid="evidence-mark"]');
  await mobile.waitForTimeout(150);
  await noHorizontalOverflow(mobile, 'phone with the article open');
  await mobile.screenshot({ path: path.join(shots, 'phone-article.png') });
  await mobile.screenshot({ path: path.join(shots, 'phone-full.png'), fullPage: true });
  // the conflict dyad on the phone
  await mobile.goto(new URL(`?dyad=${sauIrn.value}`, base).href, { waitUntil: 'load' });
  await waitForDyad(mobile, sauIrn.value);
  checkDiverging(await readTimeline(mobile), 'Saudi Arabia–Iran, phone');
  await noHorizontalOverflow(mobile, 'phone, Saudi Arabia–Iran');
  await mobile.screenshot({ path: path.join(shots, 'phone-conflict.png') });
  log('phone: one column, no horizontal overflow');

  check(problems.length === 0, `the browser reported problems:\n  ${problems.join('\n  ')}`);
  log(`screenshots in ${path.relative(root, shots) || shots}`);
}

if (process.argv[2] === '--write-corpus') {
  check(process.argv[3], 'usage: node dashboard.test.mjs --write-corpus DIR');
  writeCorpus(path.resolve(process.argv[3]));
  console.log(`corpus in ${process.argv[3]}: alaqat demo --corpus ${process.argv[3]} ...`);
  process.exit(0);
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
