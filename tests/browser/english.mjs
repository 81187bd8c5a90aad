// An investor who reads English, in Chromium (run.sh's "english" group):
// from /en/ to the zones, a zone, its open call and whom to contact, each
// reached in at most three clicks from the home page (clicks counted),
// then the board's contact page the same way.  Every page on the way is
// lang="en" and writes English: no Vietnamese status word of the theme
// (i18n/vi.yaml's values.*.status) and no Vietnamese number or date
// ("96,56%", "1.060.000.000", "15/01/2020") outside an element marked
// lang="vi" (an untranslated record's title, which lists label).  No
// request leaves the site.
// Environment: BASE_URL (as check.mjs), TOP (the repository).
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import YAML from 'yaml';

const base = (process.env.BASE_URL || '').replace(/\/$/, '');
const top = process.env.TOP || '';
if (!base || !top) {
	console.error('english.mjs: BASE_URL and TOP must be set (run run.sh)');
	process.exit(2);
}
const origin = new URL(base).origin;
const MAX_CLICKS = 3;
let passed = 0, failed = 0;
function record(name, ok, details = []) {
	if (ok) {
		passed++;
		return;
	}
	failed++;
	console.log(`FAIL english ${name}`);
	for (const d of details)
		console.log(`  ${d}`);
}

// The theme's Vietnamese status words (values.<kind>.status.<code> and
// the like) that English pages must never print.
function statusWords() {
	const vi = YAML.parse(readFileSync(`${top}/themes/default/i18n/vi.yaml`,
	    'utf8'));
	const out = new Set();
	const walk = (v, path) => {
		if (typeof v === 'string') {
			if (path.some((p) => /status/.test(p)) && /[^\x00-\x7f]/.test(v))
				out.add(v);
			return;
		}
		if (v && typeof v === 'object')
			for (const [k, w] of Object.entries(v))
				walk(w, path.concat(k));
	};
	walk(vi.values || {}, []);
	walk(vi.value_labels || {}, ['status']);
	return [...out];
}
const VI_WORDS = statusWords();
// Vietnamese formats: decimal comma before a unit, dotted thousands,
// day/month/year.
const VI_FORMATS = [
	[/\d,\d{1,2}(?!\d)\s?(%|ha\b|km\b)/, 'decimal comma'],
	[/\d{1,3}(\.\d{3}){2,}(?![\d.])/, 'dotted thousands'],
	[/(^|[^\d/])\d{2}\/\d{2}\/\d{4}(?![\d/])/, 'dd/mm/yyyy date'],
	[/\d\s*(nghìn |triệu |tỷ )?đồng(?![\p{L}])/u, '"đồng" after an amount'],
];

// The page's text outside elements marked in another language.
async function englishText(page) {
	return page.evaluate(() => {
		const w = document.createTreeWalker(document.body,
		    NodeFilter.SHOW_TEXT);
		const parts = [];
		for (let n = w.nextNode(); n; n = w.nextNode()) {
			const el = n.parentElement;
			if (!el || el.closest('script, style, template'))
				continue;
			const l = el.closest('[lang]');
			if (l && !/^en\b/.test(l.getAttribute('lang')))
				continue;
			parts.push(n.textContent);
		}
		return parts.join(' ').replace(/\s+/g, ' ');
	});
}

// Checks the page in English; name says where the journey is.
async function checkPage(page, name, clicks) {
	const url = page.url();
	const lang = await page.evaluate(() => document.documentElement.lang);
	record(`${name}: lang="en" (${url})`, lang === 'en', [`lang="${lang}"`]);
	record(`${name}: at most ${MAX_CLICKS} clicks from home`,
	    clicks <= MAX_CLICKS, [`${clicks} clicks to ${url}`]);
	const text = await englishText(page);
	const words = VI_WORDS.filter((w) => text.includes(w));
	record(`${name}: no Vietnamese status word (${url})`, words.length === 0,
	    words.map((w) => `"${w}"`));
	const bad = [];
	for (const [re, what] of VI_FORMATS) {
		const m = text.match(re);
		if (m)
			bad.push(`${what}: "…${text.slice(Math.max(0, m.index - 30),
			    m.index + m[0].length + 10)}…"`);
	}
	record(`${name}: English number and date formats (${url})`,
	    bad.length === 0, bad);
	// An untranslated record is labelled, its title marked Vietnamese.
	const unmarked = await page.$$eval('.badge.untranslated', (bs) =>
	    bs.filter((b) => {
		const a = b.parentElement.querySelector('a');
		return !a || a.getAttribute('lang') !== 'vi';
	    }).length);
	record(`${name}: untranslated titles marked lang="vi"`, unmarked === 0,
	    [`${unmarked} labelled records without lang="vi" on the title`]);
}

// Follows the link a (an element handle) as a reader would: one click.
async function follow(page, a) {
	await Promise.all([page.waitForNavigation({ waitUntil: 'load' }),
	    a.click()]);
}

async function main() {
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
		headless: true,
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
		    '--disable-background-networking'],
	});
	try {
		const ctx = await browser.newContext({ locale: 'en-GB' });
		const outside = [];
		await ctx.route('**/*', (route) => {
			const u = route.request().url();
			if (new URL(u).origin === origin)
				return route.continue();
			outside.push(u);
			return route.abort('blockedbyclient');
		});
		const page = await ctx.newPage();

		// 0: the English home page.
		await page.goto(base + '/en/', { waitUntil: 'load' });
		await checkPage(page, 'home', 0);
		const home = page.url();

		// 1: the zones, from the main menu.
		let a = await page.$('nav.menu a[href$="/en/khu-cong-nghiep/"]');
		record('home links to the zones in its menu', a !== null);
		if (a === null)
			return;
		await follow(page, a);
		await checkPage(page, 'zones', 1);
		const zonesUrl = page.url();

		// 2: a zone that has an English page and an open call on it.
		const zones = await page.$$eval('.card-zone h3 a', (as) =>
		    as.map((x) => x.getAttribute('href')));
		record('the zones list lists zones', zones.length > 0);
		let found = false, tried = [];
		for (const href of zones) {
			const z = await page.$(`.card-zone h3 a[href="${href}"]`);
			if (z === null)
				continue;
			await follow(page, z);
			const lang = await page.evaluate(() =>
			    document.documentElement.lang);
			const call = lang === 'en' ? await page.$(
			    'section.linked .card-call:has(.badge.status-open) h3 a,' +
			    'section.linked .card-call:has(.badge.status-closing_soon) h3 a') :
			    null;
			tried.push(`${href}: lang ${lang}, open call ${call !== null}`);
			if (call === null) {
				await page.goto(zonesUrl, { waitUntil: 'load' });
				continue;
			}
			found = true;
			await checkPage(page, 'a zone', 2);
			const href2 = await call.getAttribute('href');
			record('the zone links to its call in English',
			    /\/en\//.test(href2), [href2]);

			// 3: its open call.
			await follow(page, call);
			await checkPage(page, 'its open call', 3);
			const st = await page.$$eval('.badge', (bs) =>
			    bs.map((b) => b.className));
			record('the call is open', st.some((c) =>
			    /status-(open|closing_soon)/.test(c)), st);

			// Whom to contact: on the call's page, no further click.
			const mail = await page.$('section.contact a[href^="mailto:"]');
			record('the call names whom to contact (e-mail), ' +
			    `${MAX_CLICKS} clicks from home`, mail !== null);
			break;
		}
		record('a zone with an English page links to an open call', found,
		    tried);

		// The board's contact page: organisation, then the board.
		await page.goto(home, { waitUntil: 'load' });
		a = await page.$('a[href$="/en/co-cau-to-chuc/"]');
		record('home links to the organisation and contacts', a !== null);
		if (a !== null) {
			await follow(page, a);
			await checkPage(page, 'organisation', 1);
			const org = await page.$('.card-organization a');
			record('the organisation list links to the board', org !== null);
			if (org !== null) {
				await follow(page, org);
				await checkPage(page, 'the board\'s contacts', 2);
				record('the board\'s page gives an e-mail to write to',
				    await page.$('a[href^="mailto:"]') !== null);
			}
		}
		record('no request leaves the site', outside.length === 0, outside);
	} finally {
		await browser.close();
	}
}

main().then(() => {
	console.log(`browser english: ${passed} passed, ${failed} failed`);
	process.exit(failed ? 1 : 0);
}, (e) => {
	console.error(e);
	process.exit(1);
});
