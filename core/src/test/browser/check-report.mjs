// Opens report pages in the system Chromium at several widths and writes what it measured as JSON
// on stdout: ReportInBrowserTest (core/src/test/java/dev/cloudbench/core/report) asserts on it.
// Usage: node check-report.mjs spec.json
//   spec: { chromium, userDataDir, screenshots, pages: [{ name, file, widths: [800, 1024, 1280] }] }
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const context = await chromium.launchPersistentContext(spec.userDataDir, {
  executablePath: spec.chromium,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run',
    '--disable-component-update', '--disable-sync'],
});

// Runs in the page: every box the checks need, measured after layout.
function measure() {
  const slack = 0.5;
  const viewport = document.documentElement.clientWidth;
  const describe = (e) => (e.tagName + (e.id ? '#' + e.id : '') + ' "' + e.textContent.trim().slice(0, 60) + '"');
  const verdicts = Array.from(document.querySelectorAll('th.verdict, td.verdict'));
  const verdictOutside = verdicts.filter((e) => {
    const r = e.getBoundingClientRect();
    return r.left < -slack || r.right > viewport + slack || r.width === 0;
  }).map(describe);
  const charts = Array.from(document.querySelectorAll('svg[data-chart]'));
  const textOverflow = [];
  let texts = 0;
  for (const svg of charts) {
    const box = svg.getBoundingClientRect();
    for (const t of svg.querySelectorAll('text')) {
      texts++;
      const r = t.getBoundingClientRect();
      if (r.left < box.left - slack || r.right > box.right + slack || r.top < box.top - slack
          || r.bottom > box.bottom + slack) {
        textOverflow.push(svg.getAttribute('data-chart') + ': ' + describe(t) + ' ['
          + Math.round(r.left - box.left) + '..' + Math.round(r.right - box.left) + ' of ' + Math.round(box.width) + ']');
      }
    }
  }
  const scrollingTables = Array.from(document.querySelectorAll('.table-wrap'))
    .filter((w) => w.scrollWidth > w.clientWidth + 1).map((w) => w.querySelector('table').id);
  return {
    viewport,
    pageScrollWidth: document.documentElement.scrollWidth,
    kinds: charts.map((s) => s.getAttribute('data-chart')),
    verdictCells: verdicts.length,
    verdictOutside,
    texts,
    textOverflow,
    scrollingTables,
    script: document.documentElement.getAttribute('data-script'),
    scriptError: document.documentElement.getAttribute('data-script-error'),
  };
}

const results = [];
const page = await context.newPage();
const errors = [];
page.on('pageerror', (e) => errors.push('pageerror: ' + e.message));
page.on('console', (m) => { if (m.type() === 'error') { errors.push('console: ' + m.text()); } });
for (const p of spec.pages) {
  for (const width of p.widths) {
    errors.length = 0;
    await page.setViewportSize({ width, height: 900 });
    await page.goto(pathToFileURL(p.file).href, { waitUntil: 'load' });
    const m = await page.evaluate(measure);
    const screenshot = join(spec.screenshots, p.name + '-' + width + '.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    results.push({ page: p.name, width, ...m, errors: [...errors], screenshot });
  }
}
await context.close();
process.stdout.write(JSON.stringify(results, null, 1) + '\n');
