#!/usr/bin/env node
// Renders BPMN 2.0 files to SVG and PNG with the bpmn-js viewer in headless Chromium.
//
// Usage: node tools/diagrams/render.mjs --out docs/images processes/a.bpmn [processes/b.bpmn ...]
//        [--scale 2]   PNG pixels per diagram unit (default 2)
//
// Env: CHROMIUM_PATH  Chromium executable (default /usr/bin/chromium)

import { mkdir, mkdtemp, readFile, rm, writeFile, access } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const VIEWER_BUNDLE = require.resolve('bpmn-js/dist/bpmn-viewer.production.min.js');
const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// Chromium cannot rasterise arbitrarily large surfaces; shrink the scale past this.
const MAX_PNG_SIDE = 16000;

const USAGE = 'Usage: node tools/diagrams/render.mjs --out <dir> [--scale N] <file.bpmn> [more.bpmn ...]';

function die(msg) {
  console.error(`render.mjs: ${msg}`);
  process.exit(2);
}

function parseArgs(argv) {
  let out = null;
  let scale = 2;
  const inputs = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out' || a === '-o') {
      out = argv[++i];
      if (!out) die(`--out needs a directory\n${USAGE}`);
    } else if (a.startsWith('--out=')) {
      out = a.slice('--out='.length);
    } else if (a === '--scale') {
      scale = Number(argv[++i]);
    } else if (a.startsWith('--scale=')) {
      scale = Number(a.slice('--scale='.length));
    } else if (a === '-h' || a === '--help') {
      console.log(USAGE);
      process.exit(0);
    } else if (a.startsWith('-')) {
      die(`unknown option ${a}\n${USAGE}`);
    } else {
      inputs.push(a);
    }
  }
  if (!out) die(`missing --out <dir>\n${USAGE}`);
  if (!inputs.length) die(`no .bpmn files given\n${USAGE}`);
  if (!(scale > 0 && scale <= 8)) die('--scale must be a number in (0, 8]');
  return { out, scale, inputs };
}

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// Runs inside the page: import the XML with the bpmn-js Viewer and export SVG.
async function importAndExport(xml) {
  const container = document.getElementById('canvas');
  container.innerHTML = '';
  const viewer = new window.BpmnJS({ container });
  try {
    let warnings = [];
    try {
      ({ warnings } = await viewer.importXML(xml));
    } catch (err) {
      return {
        error: String((err && err.message) || err),
        warnings: ((err && err.warnings) || []).map((w) => String((w && w.message) || w)),
      };
    }
    if (warnings && warnings.length) {
      return { error: null, warnings: warnings.map((w) => String((w && w.message) || w)) };
    }
    const { svg } = await viewer.saveSVG();
    return { error: null, warnings: [], svg };
  } finally {
    viewer.destroy();
  }
}

async function renderOne(context, file, outDir, scale) {
  const xml = await readFile(file, 'utf8');
  const base = path.basename(file).replace(/\.(bpmn|xml)$/i, '');

  const page = await context.newPage();
  try {
    await page.setContent(
      '<!doctype html><html><head><meta charset="utf-8"></head>' +
        '<body style="margin:0"><div id="canvas" style="width:1600px;height:1000px"></div></body></html>'
    );
    await page.addScriptTag({ path: VIEWER_BUNDLE });
    const res = await page.evaluate(importAndExport, xml);

    if (res.error || res.warnings.length) {
      const lines = [`${file}: ${res.error ? `import failed: ${res.error}` : 'import produced warnings'}`];
      for (const w of res.warnings) lines.push(`  warning: ${w}`);
      throw new Error(lines.join('\n'));
    }

    const svgPath = path.join(outDir, `${base}.svg`);
    await writeFile(svgPath, res.svg, 'utf8');

    // PNG: show the exported SVG alone on a white page, scaled up, and screenshot it.
    await page.setContent(
      '<!doctype html><html><head><meta charset="utf-8"></head>' +
        '<body style="margin:0;background:#fff"><div id="img" style="display:inline-block;background:#fff">' +
        res.svg.replace(/^<\?xml[^>]*>\s*/, '') +
        '</div></body></html>'
    );
    const size = await page.evaluate(() => {
      const svg = document.querySelector('#img > svg');
      const vb = svg.viewBox.baseVal;
      const w = vb && vb.width ? vb.width : svg.width.baseVal.value;
      const h = vb && vb.height ? vb.height : svg.height.baseVal.value;
      return { w, h };
    });
    if (!(size.w > 0 && size.h > 0)) throw new Error(`${file}: diagram is empty (no visible elements)`);
    const s = Math.min(scale, MAX_PNG_SIDE / size.w, MAX_PNG_SIDE / size.h);
    const pw = Math.ceil(size.w * s);
    const ph = Math.ceil(size.h * s);
    await page.evaluate(
      ({ pw, ph }) => {
        const svg = document.querySelector('#img > svg');
        svg.setAttribute('width', String(pw));
        svg.setAttribute('height', String(ph));
        svg.style.display = 'block';
      },
      { pw, ph }
    );
    await page.setViewportSize({ width: Math.min(pw, 4000), height: Math.min(ph, 4000) });
    const pngPath = path.join(outDir, `${base}.png`);
    await page.locator('#img').screenshot({ path: pngPath, omitBackground: false, animations: 'disabled' });

    return { svgPath, pngPath, width: pw, height: ph };
  } finally {
    await page.close();
  }
}

async function main() {
  const { out, scale, inputs } = parseArgs(process.argv.slice(2));

  for (const f of inputs) {
    try {
      await access(f);
    } catch {
      die(`input not found: ${f}`);
    }
  }
  try {
    await access(CHROMIUM_PATH);
  } catch {
    die(`Chromium not found at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
  }
  await mkdir(out, { recursive: true });

  const userDataDir = await mkdtemp(path.join(tmpdir(), 'bpmn-render-'));
  let context;
  let failures = 0;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: 60000,
    });
    for (const file of inputs) {
      try {
        const r = await renderOne(context, file, out, scale);
        console.log(`ok  ${file} -> ${r.svgPath}, ${r.pngPath} (${r.width}x${r.height})`);
      } catch (err) {
        failures++;
        console.error(`ERR ${err.message}`);
      }
    }
  } finally {
    if (context) await context.close().catch(() => {});
    await rm(userDataDir, { recursive: true, force: true }).catch(() => {});
  }

  if (failures) {
    console.error(`render.mjs: ${failures} of ${inputs.length} diagram(s) failed`);
    process.exit(1);
  }
}

main().catch((err) => {
  console.error(`render.mjs: ${err && err.stack ? err.stack : err}`);
  process.exit(1);
});
