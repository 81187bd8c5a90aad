// The site search in Chromium (run.sh's "search" group): a query typed on
// /tim-kiem/ shows the right pages first, with and without diacritics,
// each with its kind, date and a marked snippet; the filter by kind
// narrows; the URL reproduces the view; no request leaves the site and
// the CSP reports nothing; with JavaScript off the page (and its form
// sent) leads to every collection's list.
// Environment: SITE_DIR, BASE_URL (as check.mjs).
import { chromium } from 'playwright-core';

const base = (process.env.BASE_URL || '').replace(/\/$/, '');
if (!base) {
	console.error('search.mjs: BASE_URL must be set (run run.sh)');
	process.exit(2);
}
const origin = new URL(base).origin;
let passed = 0, failed = 0;
function record(name, ok, details = []) {
	if (ok) {
		passed++;
		return;
	}
	failed++;
	console.log(`FAIL search ${name}`);
	for (const d of details)
		console.log(`  ${d}`);
}

async function results(page) {
	return page.$$eval('#search-results li', (lis) => lis.map((li) => ({
		kind: li.getAttribute('data-kind'),
		href: li.querySelector('a').getAttribute('href'),
		title: li.querySelector('a').textContent,
		kindText: li.querySelector('.search-kind').textContent,
		date: li.querySelector('time') ? li.querySelector('time').getAttribute('datetime') : '',
		marks: li.querySelectorAll('mark').length,
	})));
}

// Types q into the search box and waits for the answer.
async function ask(page, q) {
	await page.fill('#search-q', '');
	await page.type('#search-q', q, { delay: 10 });
	await page.press('#search-q', 'Enter');
	await page.waitForFunction((want) => {
		const s = document.getElementById('search-status');
		return new URLSearchParams(location.search).get('q') === want &&
		    s.textContent && !/…$/.test(s.textContent);
	}, q, { timeout: 5000 });
	return results(page);
}

async function main() {
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
		headless: true,
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
		    '--disable-background-networking'],
	});
	try {
		const ctx = await browser.newContext({ locale: 'vi-VN' });
		const outside = [], csp = [];
		await ctx.route('**/*', (route) => {
			const u = route.request().url();
			if (new URL(u).origin === origin)
				return route.continue();
			outside.push(u);
			return route.abort('blockedbyclient');
		});
		const page = await ctx.newPage();
		page.on('console', (m) => {
			if (/Content Security Policy|Refused to/.test(m.text()))
				csp.push(m.text());
		});
		await page.goto(base + '/tim-kiem/', { waitUntil: 'load' });

		const a = await ask(page, 'ngan sach');
		record('"ngan sach": budgets first', a.length >= 3 &&
		    a.slice(0, 4).filter((r) => r.kind === 'budget').length >= 3 &&
		    a[0].marks >= 2 && a[0].kindText.length > 0 && a[0].date !== '',
		    a.slice(0, 5).map((r) => `${r.kind} ${r.href} marks ${r.marks}`));
		const b = await ask(page, 'ngân sách');
		record('"ngân sách" = "ngan sach"', JSON.stringify(a) === JSON.stringify(b));
		const l1 = await ask(page, 'Lộc Sơn');
		record('"Lộc Sơn": the zone first', l1.length > 0 && l1[0].kind === 'zone' &&
		    l1[0].href.includes('loc-son'), l1.slice(0, 3).map((r) => r.href));
		const l2 = await ask(page, 'loc son');
		record('"loc son" = "Lộc Sơn"', JSON.stringify(l1) === JSON.stringify(l2));
		const t = await ask(page, 'thanh tra 2020');
		record('"thanh tra 2020": the 2020 inspections near the top', t.length >= 4 &&
		    t.slice(0, 4).filter((r) => r.kind === 'inspection').length >= 2,
		    t.slice(0, 5).map((r) => `${r.kind} ${r.href}`));
		// the filter by kind
		await page.selectOption('#search-kind', 'inspection');
		await page.waitForFunction(() => new URLSearchParams(location.search).get('kind') === 'inspection' &&
		    [...document.querySelectorAll('#search-results li')].every((li) =>
		    li.getAttribute('data-kind') === 'inspection'), null, { timeout: 5000 }).catch(() => {});
		const tk = await results(page);
		record('filter by kind', tk.length > 0 && tk.length < t.length &&
		    tk.every((r) => r.kind === 'inspection'), tk.map((r) => `${r.kind} ${r.href}`));
		// the URL reproduces the view
		const again = await ctx.newPage();
		await again.goto(page.url(), { waitUntil: 'load' });
		await again.waitForSelector('#search-results li', { timeout: 5000 }).catch(() => {});
		const tk2 = await results(again);
		await again.close();
		record('the URL reproduces the view', JSON.stringify(tk) === JSON.stringify(tk2));
		// the header's box leads here
		await page.goto(base + '/tin-tuc/', { waitUntil: 'load' });
		await page.fill('.site-search input[name=q]', 'ngan sach');
		await Promise.all([page.waitForNavigation(), page.press('.site-search input[name=q]', 'Enter')]);
		await page.waitForSelector('#search-results li', { timeout: 5000 }).catch(() => {});
		const h = await results(page);
		record('the header box searches', h.length >= 3 && h[0].kind === 'budget');
		// English
		await page.goto(base + '/en/search/?q=loc%20son', { waitUntil: 'load' });
		await page.waitForSelector('#search-results li', { timeout: 5000 }).catch(() => {});
		const en = await results(page);
		record('/en/search/ answers', en.length > 0 && en[0].href.includes('loc-son'));
		record('no request leaves the site', outside.length === 0, outside);
		record('no CSP violation', csp.length === 0, csp);
		await ctx.close();

		// Without JavaScript: the collections' lists, and the form sent.
		const nojs = await browser.newContext({ javaScriptEnabled: false });
		const np = await nojs.newPage();
		for (const path of ['/tim-kiem/', '/en/search/']) {
			await np.goto(base + path, { waitUntil: 'load' });
			const links = await np.$$eval('.search-browse a', (as) => as.map((x) => x.getAttribute('href')));
			const menu = path === '/tim-kiem/' ? '' : '/en';
			const need = ['ngan-sach', 'keu-goi-dau-tu', 'khu-cong-nghiep', 'thanh-tra', 'van-ban', 'tin-tuc']
			    .map((s) => `${menu}/${s}/`);
			const missing = need.filter((u) => !links.includes(u));
			const broken = [];
			for (const u of links) {
				const r = await np.request.get(base + u);
				if (r.status() !== 200)
					broken.push(`${u} ${r.status()}`);
			}
			record(`no JS ${path}: every list linked`, missing.length === 0 && broken.length === 0,
			    [...missing.map((u) => `missing ${u}`), ...broken]);
		}
		await np.goto(base + '/tim-kiem/', { waitUntil: 'load' });
		await np.fill('#search-q', 'ngan sach');
		await Promise.all([np.waitForNavigation(), np.press('#search-q', 'Enter')]);
		const sent = await np.$$eval('.search-browse a', (as) => as.length);
		record('no JS: the form sent still leads to the lists',
		    new URL(np.url()).searchParams.get('q') === 'ngan sach' && sent >= 6);
		await nojs.close();
	} finally {
		await browser.close();
	}
	console.log(`browser search: ${passed} passed, ${failed} failed`);
	process.exit(failed ? 1 : 0);
}

main().catch((e) => {
	console.error(e);
	console.log(`browser search: ${passed} passed, ${failed + 1} failed`);
	process.exit(1);
});
