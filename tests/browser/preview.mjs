// The preview group, run by run.sh: `minhbach serve --port 0` on a copy of
// the sample portal, driven in Chromium as an editor would use it.  Open a
// page; save a change: the page reloads by itself and shows it; save an
// error: the page becomes the list of errors, each linked to the guide;
// correct it: the site comes back.  Drafts and records dated later are
// shown with their banner.  No fixed sleeps: every step waits for what
// the browser shows, with generous limits for a loaded machine.
// Environment: MINHBACH (the generator), TOP (the repository), ARTIFACTS.
// Ends with "browser preview: N passed, M failed".

import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const top = process.env.TOP || join(here, '..', '..');
const bin = process.env.MINHBACH || join(top, 'generator', 'minhbach');
const artifacts = process.env.ARTIFACTS || join(here, 'artifacts');
// A rebuild of the sample takes well under a second alone; two cores
// shared with other work may take many times that.
const STEP_MS = 90000;
const CHROMIUM_ARGS = [
	'--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
	'--no-first-run', '--disable-background-networking',
	'--disable-component-update', '--disable-sync',
];

let passed = 0;
let failed = 0;
function record(name, ok, details = []) {
	if (ok) {
		passed++;
		console.log(`ok   preview ${name}`);
		return;
	}
	failed++;
	console.log(`FAIL preview ${name}`);
	for (const d of details)
		console.log(`  ${d}`);
}

// ---- the server ------------------------------------------------------------

const work = mkdtempSync(join(process.env.TMPDIR || tmpdir(), 'minhbach-preview-'));
const src = join(work, 'src');
cpSync(join(top, 'content'), join(src, 'content'), { recursive: true });
cpSync(join(top, 'themes'), join(src, 'themes'), { recursive: true });

let log = '';
const server = spawn(bin, ['serve', '--source', src, '--port', '0', '--no-history'],
    { env: { ...process.env, TMPDIR: work }, stdio: ['ignore', 'ignore', 'pipe'] });
server.stderr.setEncoding('utf8');
const printed = [];
server.stderr.on('data', (s) => {
	log += s;
	for (const w of printed.splice(0))
		if (!w.check())
			printed.push(w);
});
function waitPrinted(re, ms = STEP_MS) {
	return new Promise((resolve, reject) => {
		const w = { check: () => {
			const m = re.exec(log);
			if (m) {
				clearTimeout(w.timer);
				resolve(m);
			}
			return m !== null;
		} };
		if (w.check())
			return;
		w.timer = setTimeout(() => reject(new Error(`not printed: ${re}`)), ms);
		printed.push(w);
	});
}
function stopServer() {
	return new Promise((resolve) => {
		if (server.exitCode !== null || server.signalCode !== null)
			return resolve();
		server.once('exit', () => resolve());
		server.kill('SIGTERM');
	});
}

// ---- editing the copy --------------------------------------------------------

const page_md = join(src, 'content', 'pages', 'gioi-thieu.md');
const original = readFileSync(page_md, 'utf8');
// A new size as well as a new mtime, so that no clock hides the save.
function save(path, text) {
	writeFileSync(path, text);
}

async function main() {
	// "xem trước tại http://…/" (preview.at, in the site's language)
	const m = await waitPrinted(/ (http:\/\/127\.0\.0\.1:\d+\/) /);
	const base = m[1];
	console.log(`browser preview: serving ${src} at ${base}`);
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
		headless: true,
		args: CHROMIUM_ARGS,
	});
	const blocked = [];
	try {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		page.setDefaultTimeout(STEP_MS);
		page.on('console', (msg) => {
			if (/Content.Security.Policy|Refused to/i.test(msg.text()))
				blocked.push(msg.text());
		});
		// Page loads, counted: a reload is a load we did not ask for.
		let loads = 0;
		let waiters = [];
		page.on('load', () => {
			loads++;
			waiters = waiters.filter((w) => loads < w.n || (w.resolve(), false));
		});
		const loadsReach = (n) => new Promise((resolve, reject) => {
			if (loads >= n)
				return resolve();
			const timer = setTimeout(() => reject(new Error(`no reload after ${STEP_MS} ms`)), STEP_MS);
			waiters.push({ n, resolve: () => { clearTimeout(timer); resolve(); } });
		});

		// Open a page; the reload script is there and its stream open.
		const url = new URL('gioi-thieu/', base).href;
		const stream = page.waitForResponse((r) => r.url().includes('/_preview/events'));
		const resp = await page.goto(url, { waitUntil: 'load' });
		const hasScript = await page.locator('script[src="/_preview/reload.js"]').count();
		record('page served with the reload script', resp.status() === 200 && hasScript === 1,
		    [`status ${resp.status()}, ${hasScript} script tags`]);
		const es = await stream;
		record('event stream', es.status() === 200 &&
		    /^text\/event-stream/.test(es.headers()['content-type'] || ''),
		    [`${es.status()} ${es.headers()['content-type']}`]);

		// 1. A save: the open page reloads by itself with the change.
		const marker = `Dòng thử tải lại ${Date.now()}`;
		const loadsBefore = loads;
		let t0 = Date.now();
		save(page_md, original.replace(/\n---\n/, `\n---\n${marker}\n\n`));
		try {
			await page.getByText(marker).first().waitFor({ state: 'visible' });
			record(`a save reloads the page (${Date.now() - t0} ms)`, loads > loadsBefore,
			    ['the text changed without a reload']);
		} catch (e) {
			record('a save reloads the page', false, [e.message.split('\n')[0], log.slice(-2000)]);
		}

		// 2. An error: the page becomes the list of errors, in Vietnamese,
		// each located, with links into the guide.
		t0 = Date.now();
		save(page_md, original.replace(/^title:/m, 'tittle:'));
		try {
			await page.locator('h1', { hasText: 'Trang web chưa dựng được' }).waitFor();
			const items = await page.locator('ol.diags li').allTextContents();
			const located = items.some((t) => t.includes('content/pages/gioi-thieu.md:'));
			record(`an error shows the error page (${Date.now() - t0} ms)`, located,
			    [`items: ${JSON.stringify(items).slice(0, 1000)}`]);
			await page.screenshot({ path: join(artifacts, 'preview-errors.png'), fullPage: true });
			const hrefs = await page.locator('ol.diags a').evaluateAll(
			    (as) => as.map((a) => a.getAttribute('href')));
			const bad = [];
			for (const h of hrefs) {
				if (!h.startsWith('/_preview/thong-bao#')) {
					bad.push(`link ${h}`);
					continue;
				}
				const g = await fetch(new URL(h, base));
				const html = await g.text();
				const id = h.slice(h.indexOf('#') + 1);
				if (g.status !== 200 || !html.includes(`<section id="${id}">`))
					bad.push(`${h}: ${g.status}, no section`);
			}
			record(`the errors link to the guide (${hrefs.length} links)`, bad.length === 0, bad);
		} catch (e) {
			record('an error shows the error page', false,
			    [e.message.split('\n')[0], log.slice(-2000)]);
		}

		// 3. Corrected: the site comes back, by itself.
		t0 = Date.now();
		save(page_md, original.replace(/\n---\n/, `\n---\n${marker} (sửa xong)\n\n`));
		try {
			await page.getByText(`${marker} (sửa xong)`).first().waitFor({ state: 'visible' });
			const title = await page.title();
			record(`the corrected site comes back (${Date.now() - t0} ms)`,
			    title.includes('Giới thiệu'), [`title: ${title}`]);
		} catch (e) {
			record('the corrected site comes back', false,
			    [e.message.split('\n')[0], log.slice(-2000)]);
		}

		// 4. A draft and a record dated later: in the preview, with a
		// banner.  (That a build leaves them out: the unit tests.)
		const news = join(src, 'content', 'news');
		const before = loads;
		save(join(news, '2020-02-02-ban-nhap-thu.md'), '---\ntitle: Bản nháp thử\n' +
		    'date: 2020-02-02\ndraft: true\n---\nChưa đăng.\n');
		save(join(news, '2099-03-04-tin-hen-ngay.md'), '---\ntitle: Tin hẹn ngày\n' +
		    'date: 2099-03-04\n---\nĐăng sau.\n');
		// The open page reloads once they are built.
		await loadsReach(before + 1).catch((e) => record('reload after new records', false, [e.message]));
		for (const [path, want] of [['tin-tuc/ban-nhap-thu/', 'Bản nháp'],
		    ['tin-tuc/tin-hen-ngay/', 'Chưa đến ngày đăng (04/03/2099)']]) {
			let text = '';
			try {
				const deadline = Date.now() + STEP_MS;
				for (;;) {
					const r = await page.goto(new URL(path, base).href, { waitUntil: 'load' });
					if (r.status() === 200 || Date.now() > deadline)
						break;
					await page.waitForTimeout(250);	// a rebuild is under way
				}
				text = await page.locator('.preview-banner').first().textContent({ timeout: 5000 });
			} catch (e) {
				text = `(${e.message.split('\n')[0]})`;
			}
			record(`banner on /${path}`, text.includes(want), [`banner: ${text}`]);
		}
		await page.screenshot({ path: join(artifacts, 'preview-future.png') });
		record('no Content-Security-Policy refusals', blocked.length === 0, blocked);
		await context.close();
	} finally {
		await browser.close();
	}
}

let status = 0;
try {
	mkdirSync(artifacts, { recursive: true });
	await main();
} catch (e) {
	record('run', false, [String(e && e.stack || e), log.slice(-3000)]);
}
await stopServer();
rmSync(work, { recursive: true, force: true });
console.log(`browser preview: ${passed} passed, ${failed} failed`);
if (failed)
	status = 1;
process.exit(status);
