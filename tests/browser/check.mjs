// The browser checks of the built site, run by run.sh once nginx serves
// SITE_DIR at BASE_URL.  Every .html file of the build is one page; each
// check on each page is one test.  Prints failures with their page, a
// summary per check, and ends with "browser: N passed, M failed".
// Environment: SITE_DIR, BASE_URL, ARTIFACTS (screenshot folder),
// BROWSER_REQUIRE_FILTER=1 (the investors' filter must exist).

import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, mkdirSync } from 'node:fs';
import { join, relative, sep, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import jsonld from 'jsonld';

const here = dirname(fileURLToPath(import.meta.url));
const siteDir = process.env.SITE_DIR;
const base = (process.env.BASE_URL || '').replace(/\/$/, '');
const artifacts = process.env.ARTIFACTS || join(here, 'artifacts');
const requireFilter = process.env.BROWSER_REQUIRE_FILTER === '1';
if (!siteDir || !base) {
	console.error('check.mjs: SITE_DIR and BASE_URL must be set (run run.sh)');
	process.exit(2);
}
const origin = new URL(base).origin;
const WEIGHT_LIMIT = 50 * 1024;	// HTML+CSS+JS bytes, uncompressed
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const CHROMIUM_ARGS = [
	'--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
	'--no-first-run', '--disable-background-networking',
	'--disable-component-update', '--disable-sync',
];

// ---- results ------------------------------------------------------------

const tally = new Map();	// check -> { pass, fail }
let passed = 0;
let failed = 0;

function record(check, page, ok, details = []) {
	const t = tally.get(check) || { pass: 0, fail: 0 };
	tally.set(check, t);
	if (ok) {
		t.pass++;
		passed++;
		return;
	}
	t.fail++;
	failed++;
	console.log(`FAIL ${check} ${page}`);
	for (const d of details.slice(0, 40))
		console.log(`  ${d}`);
	if (details.length > 40)
		console.log(`  ... and ${details.length - 40} more`);
}

// ---- the pages: every .html file, mapped to its URL -----------------------

function walk(dir, out = []) {
	for (const e of readdirSync(dir, { withFileTypes: true })) {
		if (e.name.startsWith('.'))
			continue;
		const p = join(dir, e.name);
		if (e.isDirectory())
			walk(p, out);
		else if (e.isFile() && e.name.endsWith('.html'))
			out.push(p);
	}
	return out;
}

// site/a/b/index.html -> /a/b/ ; site/404.html -> /404.html
function fileToPath(file) {
	const rel = relative(siteDir, file).split(sep).join('/');
	if (rel === 'index.html')
		return '/';
	if (rel.endsWith('/index.html'))
		return '/' + rel.slice(0, -'index.html'.length);
	return '/' + rel;
}

const files = walk(siteDir).sort();
const pages = files.map((f) => ({ file: f, path: fileToPath(f) }));
console.log(`browser: ${pages.length} pages under ${siteDir}, served at ${base}`);

// ---- HTTP through nginx, cached per URL ----------------------------------

const httpCache = new Map();
async function get(url) {
	if (!httpCache.has(url)) {
		httpCache.set(url, (async () => {
			try {
				const r = await fetch(url, { redirect: 'manual' });
				return { status: r.status, headers: r.headers,
				    body: await r.text() };
			} catch (e) {
				return { status: 0, headers: new Headers(),
				    body: '', error: String(e) };
			}
		})());
	}
	return httpCache.get(url);
}

// The ids a fragment may point at: id="..." and <a name="...">.
function idsOfHtml(html) {
	const ids = new Set();
	for (const m of html.matchAll(/\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi))
		ids.add(m[1] ?? m[2] ?? m[3]);
	return ids;
}

// ---- the Nu HTML checker: one JVM over every file -------------------------

function runVnu() {
	const jar = join(here, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
	// The folder, not a file list: no argv limit on a large site.
	const r = spawnSync('java', ['-Xss4m', '-jar', jar, '--errors-only',
	    '--skip-non-html', '--format', 'json', siteDir], { encoding: 'utf8',
	    maxBuffer: 256 * 1024 * 1024 });
	const perFile = new Map(files.map((f) => [f, []]));
	let parsed;
	try {
		parsed = JSON.parse(r.stderr || r.stdout);
	} catch {
		record('vnu', '(all files)', false,
		    [`vnu did not run: status ${r.status} ${r.error || ''}`,
		    (r.stderr || '').slice(0, 2000)]);
		return;
	}
	for (const m of parsed.messages || []) {
		if (m.type !== 'error' && m.type !== 'non-document-error')
			continue;
		let f = m.url ? decodeURIComponent(m.url.replace(/^file:/, '')) : '';
		if (!perFile.has(f))
			f = files.find((x) => m.url && m.url.endsWith(x)) || f;
		const line = m.lastLine ? `line ${m.lastLine}: ` : '';
		const where = m.extract ? `  [${m.extract.replace(/\s+/g, ' ').trim()}]` : '';
		if (!perFile.has(f))
			perFile.set(f, []);
		perFile.get(f).push(`${line}${m.message}${where}`);
	}
	for (const [f, msgs] of perFile)
		record('vnu', relative(siteDir, f), msgs.length === 0, msgs);
}

// ---- the investors' filter -------------------------------------------------
//
// The contract this check assumes of the theme (pages that have it carry
// the attribute data-filter somewhere in their markup):
//  - a <form data-filter> holds <select> elements named zone, sector,
//    status, area and/or deadline; an option with value "" means "all";
//  - each item of the list is an element outside that form with the
//    attributes data-zone, data-sector, data-status, data-area,
//    data-deadline (the ones the form filters on); a value may be several
//    space-separated slugs (a call open to several sectors);
//  - with JavaScript, changing a select (a "change" event) narrows the list
//    in place: items that do not match are hidden (the hidden attribute or
//    display:none) and location.search gets ?zone=VALUE (history API, no
//    reload); submitting the form must not do more than that;
//  - loading the page with ?zone=VALUE (etc.) shows the same narrowed list;
//  - without JavaScript every item is listed (the static browse pages
//    do the narrowing).
// For each field, the check picks a value that matches some items and not
// others, applies it, then reloads the resulting URL in a new page.

async function filterState(page) {
	return page.evaluate(() => {
		const form = document.querySelector('form[data-filter]');
		const fields = ['zone', 'sector', 'status', 'area', 'deadline'];
		const items = [...document.querySelectorAll(
		    fields.map((f) => `[data-${f}]`).join(','))]
		    .filter((el) => !form || !form.contains(el))
		    .filter((el) => el.tagName !== 'SELECT' && el.tagName !== 'OPTION');
		const visible = (el) => !el.closest('[hidden]') &&
		    (el.checkVisibility ? el.checkVisibility() : el.offsetParent !== null);
		const selects = form ? fields.map((f) => {
			const s = form.querySelector(`select[name="${f}"]`);
			return s ? { name: f, options: [...s.options].map((o) => o.value).filter((v) => v !== '') } : null;
		}).filter(Boolean) : [];
		return {
			hasForm: !!form,
			selects,
			search: location.search,
			items: items.map((el, i) => ({
				i,
				visible: visible(el),
				data: Object.fromEntries(fields.map((f) => [f, (el.getAttribute(`data-${f}`) || '').split(/\s+/).filter(Boolean)])),
			})),
		};
	});
}

async function checkFilter(ctx, p) {
	const problems = [];
	const page = await ctx.newPage();
	try {
		await page.goto(base + p.path, { waitUntil: 'load' });
		const s0 = await filterState(page);
		if (!s0.hasForm)
			problems.push('no form[data-filter] on a page with data-filter markup');
		else if (s0.selects.length === 0)
			problems.push('form[data-filter] has no select named zone/sector/status/area');
		else if (s0.items.length === 0)
			problems.push('no list items with data-zone/data-sector/data-status/data-area');
		const hiddenAtStart = s0.items.filter((it) => !it.visible).length;
		if (hiddenAtStart && !s0.search)
			problems.push(`${hiddenAtStart} items hidden before any filter is applied`);
		let tried = 0;
		for (const sel of problems.length ? [] : s0.selects) {
			// A value that narrows: matches some items but not all.
			const matches = (v) => s0.items.filter((it) => it.data[sel.name].includes(v)).length;
			const value = sel.options.find((v) => matches(v) > 0 && matches(v) < s0.items.length) ??
			    sel.options.find((v) => matches(v) > 0);
			if (value === undefined)
				continue;
			tried++;
			await page.goto(base + p.path, { waitUntil: 'load' });
			await page.selectOption(`form[data-filter] select[name="${sel.name}"]`, value);
			await page.waitForFunction((n) => new URLSearchParams(location.search).has(n),
			    sel.name, { timeout: 3000 }).catch(() => {});
			const s1 = await filterState(page);
			const want = new URLSearchParams(s1.search).get(sel.name);
			if (want !== value) {
				problems.push(`${sel.name}=${value}: location.search is "${s1.search}", not ?${sel.name}=${value}`);
				continue;
			}
			const wrong = s1.items.filter((it) => it.visible !== it.data[sel.name].includes(value));
			if (wrong.length)
				problems.push(`${sel.name}=${value}: ${wrong.length} of ${s1.items.length} items shown/hidden wrongly`);
			// The URL reproduces the view.
			const url = new URL(page.url());
			const fresh = await ctx.newPage();
			await fresh.goto(url.href, { waitUntil: 'load' });
			const s2 = await filterState(fresh);
			await fresh.close();
			const v1 = s1.items.map((it) => it.visible).join();
			const v2 = s2.items.map((it) => it.visible).join();
			if (v1 !== v2)
				problems.push(`${url.pathname}${url.search}: loading the URL does not reproduce the filtered list`);
		}
		if (!problems.length && tried === 0)
			problems.push('no select option matches any list item');
	} catch (e) {
		problems.push(`error: ${e.message.split('\n')[0]}`);
	} finally {
		await page.close();
	}
	record('filter', p.path, problems.length === 0, problems);
}

// ---- structured data --------------------------------------------------------
//
// Every JSON-LD block of a page must parse as JSON and expand with the
// jsonld package in safe mode (a term that would be dropped is an error),
// each node with a @type.  Contexts come from no network: schema.org's
// published context gives its vocabulary as @vocab (with coercions that
// change no validity), so "https://schema.org" expands against exactly
// that; any other remote context is an error here, as it would be a
// request to another host for a consumer.

const SCHEMA_ORG = { '@context': { '@vocab': 'http://schema.org/' } };
async function documentLoader(url) {
	if (/^https?:\/\/schema\.org\/?$/.test(url))
		return { contextUrl: null, documentUrl: url, document: SCHEMA_ORG };
	throw new Error(`remote context ${url} (only schema.org is known offline)`);
}

let pagesWithJsonLd = 0;
async function checkJsonLd(p, blocks) {
	if (blocks.length === 0)
		return;
	pagesWithJsonLd++;
	const bad = [];
	for (const [i, text] of blocks.entries()) {
		const at = `block ${i + 1}`;
		let doc;
		try {
			doc = JSON.parse(text);
		} catch (e) {
			bad.push(`${at}: not JSON: ${e.message}`);
			continue;
		}
		try {
			const ex = await jsonld.expand(doc, { documentLoader, safe: true });
			if (ex.length === 0)
				bad.push(`${at}: expands to nothing`);
			for (const n of ex)
				if (!n['@type'])
					bad.push(`${at}: a node without @type`);
		} catch (e) {
			bad.push(`${at}: does not expand: ${e.message}` +
			    (e.details && e.details.event ? ` (${e.details.event.code})` : ''));
		}
	}
	record('jsonld', p.path, bad.length === 0, bad);
}

// ---- per page, in the browser ---------------------------------------------

function watchRequests(page, sink) {
	page.on('request', (req) => {
		const u = req.url();
		if (u.startsWith('data:') || u.startsWith('blob:') || u.startsWith('about:'))
			return;
		let o;
		try {
			o = new URL(u).origin;
		} catch {
			o = u;
		}
		if (o !== origin)
			sink.push(`${req.resourceType()} ${u}`);
	});
}

// Every network request of a context is recorded; those leaving the site
// are aborted (no waiting on the outside world) and reported by the page
// that made them.
async function newContext(browser, opts) {
	const ctx = await browser.newContext({ locale: 'vi-VN', ...opts });
	await ctx.route('**/*', (route) => {
		const u = route.request().url();
		let ok = false;
		try {
			ok = new URL(u).origin === origin;
		} catch { /* not a URL: abort */ }
		return ok ? route.continue() : route.abort('blockedbyclient');
	});
	return ctx;
}

async function visitDesktop(ctx, p, axeSource, idsByPath, linksByPage, weights) {
	const page = await ctx.newPage();
	const outside = [];
	const csp = [];
	const loaded = [];
	watchRequests(page, outside);
	page.on('console', (m) => {
		if (/Content Security Policy|Refused to/i.test(m.text()))
			csp.push(m.text().split('\n')[0]);
	});
	page.on('pageerror', (e) => csp.push(`uncaught: ${e.message.split('\n')[0]}`));
	page.on('response', (r) => loaded.push(r));
	try {
		const resp = await page.goto(base + p.path, { waitUntil: 'load' });
		const status = resp ? resp.status() : 0;
		record('load', p.path, status === 200, [`HTTP ${status}`]);
		await page.waitForLoadState('networkidle').catch(() => {});

		// Weight: HTML + CSS + JS as transferred, decoded.
		let bytes = 0;
		const parts = [];
		for (const r of loaded) {
			const type = r.request().resourceType();
			if (!['document', 'stylesheet', 'script'].includes(type))
				continue;
			let n = 0;
			try {
				n = (await r.body()).length;
			} catch { /* redirects have no body */ }
			bytes += n;
			parts.push(`${type} ${new URL(r.url()).pathname} ${n} B`);
		}
		weights.push({ path: p.path, bytes });
		record('weight', p.path, bytes <= WEIGHT_LIMIT,
		    [`${bytes} B > ${WEIGHT_LIMIT} B`, ...parts]);

		// axe-core, injected through the DevTools protocol (the page's
		// own CSP forbids inline scripts, rightly).
		await page.evaluate(axeSource);
		const res = await page.evaluate((tags) => window.axe.run(document,
		    { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }), AXE_TAGS);
		const v = [];
		for (const viol of res.violations)
			for (const n of viol.nodes)
				v.push(`${viol.id} (${viol.impact}) ${JSON.stringify(n.target)}: ${viol.help}`);
		record('axe', p.path, v.length === 0, v);

		await checkJsonLd(p, await page.evaluate(() =>
		    [...document.querySelectorAll('script[type="application/ld+json"]')]
			.map((s) => s.textContent)));

		// Ids on this page and every href/src to check later.
		const found = await page.evaluate(() => {
			const ids = [...document.querySelectorAll('[id]')].map((e) => e.id)
			    .concat([...document.querySelectorAll('a[name]')].map((e) => e.name));
			const refs = [];
			const add = (el, attr, v) => refs.push({ tag: el.tagName.toLowerCase(), attr, raw: v, abs: new URL(v, document.baseURI).href });
			for (const el of document.querySelectorAll('[href]'))
				add(el, 'href', el.getAttribute('href'));
			for (const el of document.querySelectorAll('[src]'))
				add(el, 'src', el.getAttribute('src'));
			for (const el of document.querySelectorAll('[srcset]'))
				for (const c of el.getAttribute('srcset').split(','))
					if (c.trim())
						add(el, 'srcset', c.trim().split(/\s+/)[0]);
			for (const el of document.querySelectorAll('form[action]'))
				add(el, 'action', el.getAttribute('action'));
			for (const el of document.querySelectorAll('object[data]'))
				add(el, 'data', el.getAttribute('data'));
			return { ids, refs };
		});
		idsByPath.set(p.path, new Set(found.ids));
		linksByPage.set(p.path, found.refs);
	} catch (e) {
		record('load', p.path, false, [`error: ${e.message.split('\n')[0]}`]);
	} finally {
		await page.close();
	}
	record('external', p.path, outside.length === 0, outside);
	record('csp', p.path, csp.length === 0, csp);
	return outside;
}

async function visitPhone(ctx, p) {
	const page = await ctx.newPage();
	const outside = [];
	watchRequests(page, outside);
	try {
		await page.goto(base + p.path, { waitUntil: 'load' });
		// With mobile emulation Chrome widens the layout viewport to fit
		// wide content, so innerWidth alone proves nothing: the limit is
		// also the 375 px the context was made with.
		const m = await page.evaluate((vw) => {
			const se = document.scrollingElement;
			const wide = [];
			const limit = Math.min(innerWidth, vw);
			if (se.scrollWidth > limit) {
				for (const el of document.body.querySelectorAll('*')) {
					const r = el.getBoundingClientRect();
					if (r.right > limit + 0.5 && wide.length < 8) {
						const cls = el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '';
						wide.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${cls} right=${Math.round(r.right)}`);
					}
				}
			}
			return { sw: se.scrollWidth, iw: limit, wide };
		}, page.viewportSize().width);
		record('overflow-375', p.path, m.sw <= m.iw,
		    [`scrollWidth ${m.sw} > ${m.iw} px`, ...m.wide]);
	} catch (e) {
		record('overflow-375', p.path, false, [`error: ${e.message.split('\n')[0]}`]);
	} finally {
		await page.close();
	}
	return outside;
}

async function visitNoScript(ctx, p) {
	const page = await ctx.newPage();
	const outside = [];
	watchRequests(page, outside);
	try {
		await page.goto(base + p.path, { waitUntil: 'load' });
		// "Present" means: one <main>, one <h1> with text, and visible
		// text in <main> besides its navigation (breadcrumbs alone are
		// not content).
		const m = await page.evaluate(() => {
			const mains = document.querySelectorAll('main');
			const main = mains[0];
			const h1s = [...document.querySelectorAll('h1')];
			let text = 0;
			if (main) {
				const copy = main.cloneNode(true);
				for (const n of copy.querySelectorAll('nav, [role=navigation]'))
					n.remove();
				document.body.appendChild(copy);
				text = copy.innerText.trim().length;
				copy.remove();
			}
			return { count: mains.length, text,
			    h1: h1s.length, h1text: h1s.length ? h1s[0].innerText.trim().length : 0 };
		});
		const bad = [];
		if (m.count !== 1)
			bad.push(`${m.count} <main> elements`);
		if (m.h1 !== 1)
			bad.push(`${m.h1} <h1> elements`);
		else if (m.h1text === 0)
			bad.push('the <h1> is empty');
		if (m.text === 0)
			bad.push('<main> has no visible text besides navigation without JavaScript');
		record('nojs-main', p.path, bad.length === 0, bad);
	} catch (e) {
		record('nojs-main', p.path, false, [`error: ${e.message.split('\n')[0]}`]);
	} finally {
		await page.close();
	}
	return outside;
}

// Every internal href/src answers 200 (redirects count as failures: the
// generator knows the canonical URLs), and #fragments exist.
async function checkLinks(p, refs, idsByPath) {
	const bad = [];
	for (const r of refs) {
		let u;
		try {
			u = new URL(r.abs);
		} catch {
			bad.push(`<${r.tag} ${r.attr}="${r.raw}">: not a URL`);
			continue;
		}
		if (u.protocol === 'javascript:') {
			bad.push(`<${r.tag} ${r.attr}="${r.raw}">: javascript: URL`);
			continue;
		}
		if (u.origin !== origin)
			continue;	// mailto:, tel:, other sites: not ours to resolve
		const target = u.origin + u.pathname + u.search;
		const res = await get(target);
		if (res.status !== 200) {
			const loc = res.headers.get('location');
			bad.push(`<${r.tag} ${r.attr}="${r.raw}">: HTTP ${res.status}${loc ? ' -> ' + loc : ''}${res.error ? ' ' + res.error : ''}`);
			continue;
		}
		if (u.hash.length > 1 && r.attr === 'href') {
			const frag = decodeURIComponent(u.hash.slice(1));
			let ids = u.search ? null : idsByPath.get(u.pathname);
			if (!ids)
				ids = idsOfHtml(res.body);
			if (!ids.has(frag))
				bad.push(`<${r.tag} ${r.attr}="${r.raw}">: no id "${frag}" on ${u.pathname}`);
		}
	}
	record('links', p.path, bad.length === 0, bad);
}

// Security and cache headers of deploy/nginx.conf, and its 404 pages.
async function checkServer() {
	const home = await get(base + '/');
	const h = home.headers;
	const bad = [];
	const csp = h.get('content-security-policy') || '';
	for (const d of ["default-src 'self'", "frame-ancestors 'none'"])
		if (!csp.includes(d))
			bad.push(`Content-Security-Policy lacks ${d}: "${csp}"`);
	if (/unsafe-inline|unsafe-eval/.test(csp))
		bad.push('Content-Security-Policy allows unsafe-inline/unsafe-eval');
	if (h.get('x-content-type-options') !== 'nosniff')
		bad.push('no X-Content-Type-Options: nosniff');
	for (const name of ['referrer-policy', 'permissions-policy'])
		if (!h.get(name))
			bad.push(`no ${name}`);
	if (/nginx\//i.test(h.get('server') || ''))
		bad.push(`Server header shows the version: ${h.get('server')}`);
	if (!/charset=utf-8/i.test(h.get('content-type') || ''))
		bad.push(`HTML content-type: ${h.get('content-type')}`);
	if (/immutable/.test(h.get('cache-control') || ''))
		bad.push(`HTML is cached as immutable: ${h.get('cache-control')}`);
	// Immutable only for the fingerprinted URL the page links
	// (site.css?v=...), never for the same file without ?v=
	// (tests/e2e.d/conventions.sh checks CORS, redirects and 405).
	const css = (home.body.match(/href="([^"]*\.css\?v=[0-9a-z]+)"/) || [])[1];
	if (!css)
		bad.push('the home page links no stylesheet with ?v=');
	else {
		const u = new URL(css, base + '/');
		const r = await get(u.href);
		if (!/immutable/.test(r.headers.get('cache-control') || ''))
			bad.push(`${u.pathname}${u.search}: cache-control "${r.headers.get('cache-control')}"`);
		if (!r.headers.get('content-security-policy'))
			bad.push(`${u.pathname}: security headers missing on assets`);
		const plain = await get(base + u.pathname);
		if (/immutable/.test(plain.headers.get('cache-control') || ''))
			bad.push(`${u.pathname} without ?v= is cached as immutable`);
	}
	const hidden = await get(base + '/.minhbach');
	if (hidden.status !== 404)
		bad.push(`/.minhbach answers ${hidden.status}`);
	record('nginx-headers', '(server)', bad.length === 0, bad);

	// A missing URL answers 404 with the body of 404.html (per language).
	for (const [probe, file] of [['/khong-co-trang-nay-9f3a/', '404.html'],
	    ['/en/no-such-page-9f3a/', 'en/404.html']]) {
		let want;
		try {
			want = readFileSync(join(siteDir, file), 'utf8');
		} catch {
			if (file === '404.html')
				record('404', probe, false, ['the build wrote no 404.html']);
			continue;
		}
		const r = await get(base + probe);
		const b = [];
		if (r.status !== 404)
			b.push(`HTTP ${r.status}, not 404`);
		if (r.body !== want)
			b.push(`the body is not ${file} (${r.body.length} bytes vs ${want.length})`);
		if (r.headers.get('content-security-policy') === null)
			b.push('no security headers on the 404 response');
		record('404', probe, b.length === 0, b);
	}
}

async function screenshots(browser, allPaths) {
	mkdirSync(artifacts, { recursive: true });
	const targets = [['home', '/']];
	for (const [name, re] of [['budget', /\/ngan-sach\//], ['zone', /\/khu-cong-nghiep\//]]) {
		// The first record page, else the first list page.
		const hits = allPaths.filter((x) => re.test(x));
		const pick = hits.find((x) => x.split('/').filter(Boolean).length > 1 &&
		    !x.startsWith('/en/')) || hits[0];
		if (pick)
			targets.push([name, pick]);
		else
			console.log(`screenshot: no page matches ${re} (skipped)`);
	}
	for (const width of [1280, 375]) {
		const ctx = await newContext(browser, { viewport: { width, height: 900 } });
		for (const [name, path] of targets) {
			const page = await ctx.newPage();
			try {
				await page.goto(base + path, { waitUntil: 'load' });
				const f = join(artifacts, `${name}-${width}.png`);
				await page.screenshot({ path: f, fullPage: true });
				console.log(`screenshot: ${path} at ${width} px -> ${relative(process.cwd(), f)}`);
			} catch (e) {
				console.log(`screenshot: ${path} at ${width} px failed: ${e.message.split('\n')[0]}`);
			} finally {
				await page.close();
			}
		}
		await ctx.close();
	}
}

// ---- main -----------------------------------------------------------------


// Budget pages: every figure of the HTML table must be the figure of the
// CSV and the JSON downloads linked from the page (one computed table,
// three forms).  Vietnamese figures (1.060.000.000; 94,68%) are compared
// as plain decimals; a computed empty cell is empty in all three.
function parseCsv(text) {
	const rows = [];
	let row = [], field = '', q = false;
	text = text.replace(/^\ufeff/, '');
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (q) {
			if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
			else if (c === '"') q = false;
			else field += c;
		} else if (c === '"') q = true;
		else if (c === ',') { row.push(field); field = ''; }
		else if (c === '\r') { /* CRLF */ }
		else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
		else field += c;
	}
	if (field !== '' || row.length) { row.push(field); rows.push(row); }
	return rows;
}

// A figure as pages show it (vi 1.060.000,5; en 1,060,000.5) as plain text.
function plainFigure(t, lang) {
	t = t.trim().replace(/%$/, '').replace(/\s/g, '');
	if (t === '' || t === '—') return '';
	if (lang === 'vi')
		return t.replace(/\./g, '').replace(',', '.');
	return t.replace(/,/g, '');
}

function sameNumber(a, b) {
	if (a === '' || b === '') return a === b;
	return Number(a) === Number(b);
}

async function checkBudgetData(ctx, p) {
	const page = await ctx.newPage();
	const bad = [];
	try {
		await page.goto(base + p.path, { waitUntil: 'load' });
		const info = await page.evaluate(() => {
			const csv = document.querySelector('a[href$="du-lieu.csv"]');
			const json = document.querySelector('a[href$="du-lieu.json"]');
			const rows = [...document.querySelectorAll('table.budget-table tbody tr')]
			    .map((tr) => [...tr.querySelectorAll('td.num')].map((td) => td.textContent));
			const series = document.querySelector('table.series-table') !== null;
			return { csv: csv && csv.href, json: json && json.href, rows, series,
			    lang: document.documentElement.lang };
		});
		// A record's page has CSV and JSON; a series page (one row code
		// across years) has its CSV only.
		if (!info.csv || (!info.json && !info.series) || info.rows.length === 0) {
			bad.push('no table with CSV and JSON downloads');
		} else {
			const csv = parseCsv(await (await fetch(info.csv)).text()).slice(1);
			const json = info.json ? await (await fetch(info.json)).json() : null;
			if (csv.length !== info.rows.length)
				bad.push(`HTML has ${info.rows.length} rows, CSV ${csv.length}`);
			if (json && json.rows.length !== info.rows.length)
				bad.push(`HTML has ${info.rows.length} rows, JSON ${json.rows.length}`);
			const keys = json ? json.columns.map((c) => c.key) : [];
			info.rows.forEach((cells, i) => {
				cells.forEach((cell, k) => {
					const h = plainFigure(cell, info.lang);
					// Code, level, parent code, row kind, STT and label come first.
					const c = csv[i] ? (csv[i][k + 6] || '').trim() : undefined;
					if (c === undefined || !sameNumber(h, c))
						bad.push(`row ${i + 1}, column ${k + 1}: HTML ${cell} vs CSV ${c}`);
					if (!json)
						return;
					const v = json.rows[i] ? json.rows[i].values[keys[k]] : undefined;
					const j = v === undefined || v === null ? '' : String(v);
					if (!sameNumber(h, j))
						bad.push(`row ${i + 1}, column ${k + 1}: HTML ${cell} vs JSON ${j}`);
				});
			});
		}
	} catch (e) {
		bad.push(`error: ${e.message.split('\n')[0]}`);
	}
	await page.close();
	record('budget-data', p.path, bad.length === 0, bad.slice(0, 10));
}

// ---- the zones' map and the sortable comparison ----------------------------
// Where a page carries the map (class="zone-map", generator/map.c): every
// zone of the list beside it (the text alternative) is a link on the map
// to the same page, and links out to OpenStreetMap at its coordinates; the
// map itself asks nothing of another host (the 'external' check covers the
// requests).  Where a table is data-sortable (js/sort.js): its headings are
// buttons, and pressing the second one sorts that column ascending with
// aria-sort, then descending.

async function checkMap(ctx, p) {
	const page = await ctx.newPage();
	const bad = [];
	try {
		await page.goto(base + p.path, { waitUntil: 'load' });
		const d = await page.evaluate(() => {
			const svg = document.querySelector('.zone-map svg');
			const onMap = svg ? [...svg.querySelectorAll('a.map-zone')]
			    .map((a) => ({ href: a.getAttribute('href'), name: a.getAttribute('aria-label'),
				text: a.textContent.trim() })) : [];
			const list = [...document.querySelectorAll('.zone-map ol.map-list > li')].map((li) => {
				const as = [...li.querySelectorAll('a[href]')];
				return { href: as[0] ? as[0].getAttribute('href') : null,
				    name: as[0] ? as[0].textContent.trim() : '',
				    osm: as.map((a) => a.href).filter((h) => h.startsWith('https://www.openstreetmap.org/')) };
			});
			return { svg: !!svg, label: svg ? svg.getAttribute('aria-labelledby') : null,
			    title: svg && svg.querySelector('title') ? svg.querySelector('title').textContent.trim() : '',
			    onMap, list };
		});
		if (!d.svg)
			bad.push('no SVG map');
		if (!d.title || !d.label)
			bad.push('the map has no title it is labelled by');
		if (d.list.length === 0 || d.list.length !== d.onMap.length)
			bad.push(`${d.onMap.length} zones on the map, ${d.list.length} in its list`);
		for (const z of d.list) {
			if (!d.onMap.some((m) => m.href === z.href && m.name && m.name.endsWith(z.name) &&
			    m.text !== '' && m.name.startsWith(m.text.split('.')[0])))
				bad.push(`${z.name} (${z.href}) is not a labelled link on the map`);
			if (z.osm.length !== 1 || !/^https:\/\/www\.openstreetmap\.org\/\?mlat=-?[0-9.]+&mlon=-?[0-9.]+#map=14\/-?[0-9.]+\/-?[0-9.]+$/.test(z.osm[0]))
				bad.push(`${z.name}: no OpenStreetMap link at its coordinates (${z.osm.join(' ')})`);
		}
	} catch (e) {
		bad.push(`error: ${e.message.split('\n')[0]}`);
	}
	await page.close();
	record('map', p.path, bad.length === 0, bad);
}

async function checkSort(ctx, p) {
	const page = await ctx.newPage();
	const bad = [];
	try {
		await page.goto(base + p.path, { waitUntil: 'load' });
		const col = () => page.evaluate(() => {
			const t = document.querySelector('table[data-sortable]');
			const th = t.tHead.rows[0].cells[1];
			return { sort: th.getAttribute('aria-sort'), button: !!th.querySelector('button'),
			    cells: [...t.tBodies[0].rows].map((r) => r.cells[1].textContent.trim()) };
		});
		const before = await col();
		if (!before.button)
			bad.push('the headings are not buttons');
		else {
			await page.click('table[data-sortable] thead tr th:nth-child(2) button');
			const up = await col();
			await page.click('table[data-sortable] thead tr th:nth-child(2) button');
			const down = await col();
			if (up.sort !== 'ascending' || down.sort !== 'descending')
				bad.push(`aria-sort ${up.sort} then ${down.sort}, expected ascending then descending`);
			const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
			if (!same([...up.cells].sort(), [...before.cells].sort()))
				bad.push('sorting lost or changed rows');
			const num = (t) => { const m = /\d[\d.,]*/.exec(t); return m ? m[0] : null; };
			const known = up.cells.filter((c) => num(c) !== null);
			if (known.length > 1 && same(known, [...down.cells].filter((c) => num(c) !== null)))
				bad.push('descending gives the same order as ascending');
		}
	} catch (e) {
		bad.push(`error: ${e.message.split('\n')[0]}`);
	}
	await page.close();
	record('sort', p.path, bad.length === 0, bad);
}

// ---- the kinds the law on access to information asks for ------------------
// Procedures link to the national public service portal; consultations
// show their status (computed at the build date) and, once closed, the
// summary; the catalogue lists every category of content/site.yaml's
// access_info with a link or "chưa có" / "not yet"; the organisation page
// has its chart and the contact point for information requests, and no
// mobile number; reports carry attachments; answers are not empty.

// The number of categories under access_info in content/site.yaml.
function catalogueSize() {
	const yaml = readFileSync(join(here, '..', '..', 'content', 'site.yaml'), 'utf8');
	const at = yaml.indexOf('\naccess_info:');
	if (at < 0)
		return 0;
	let n = 0;
	for (const line of yaml.slice(at + 1).split('\n').slice(1)) {
		if (/^\S/.test(line))
			break;
		if (/^\s+- id:/.test(line))
			n++;
	}
	return n;
}

async function checkLawKinds(ctx, pages) {
	const kinds = [
		['procedure', /^\/(en\/)?thu-tuc-hanh-chinh\/[^/]+\/$/],
		['consultation', /^\/(en\/)?lay-y-kien\/[^/]+\/$/],
		['catalogue', /^\/(en\/)?tiep-can-thong-tin\/$/],
		['organization', /^\/(en\/)?co-cau-to-chuc\/[^/]+\/$/],
		['report', /^\/(en\/)?bao-cao\/[^/]+\/$/],
		['qa', /^\/(en\/)?hoi-dap\/[^/]+\/$/],
	];
	const wantRows = catalogueSize();
	for (const [kind, re] of kinds) {
		const hits = pages.filter((p) => re.test(p.path) && !/\/(trang|page)\//.test(p.path));
		if (hits.length === 0)
			record('law-kinds', `(${kind})`, false, [`no ${kind} page in the sample`]);
		for (const p of hits) {
			const page = await ctx.newPage();
			const bad = [];
			try {
				await page.goto(base + p.path, { waitUntil: 'load' });
				const d = await page.evaluate(() => {
					const q = (sel) => document.querySelector(sel);
					// A section is found by its heading's id.
					const sec = (id) => document.querySelector(`section[aria-labelledby="${id}"]`);
					const art = q('article.item');
					return {
						portal: [...document.querySelectorAll('article a[href]')]
						    .map((a) => { try { return new URL(a.href); } catch { return null; } })
						    .filter((u) => u && u.protocol === 'https:' &&
							(u.hostname === 'dichvucong.gov.vn' || u.hostname.endsWith('.dichvucong.gov.vn'))).length,
						badge: (() => { const b = q('article .badge[class*="consultation-"]');
						    return b ? { cls: b.className, text: b.textContent.trim() } : null; })(),
						how: sec('s-how') !== null,
						summary: sec('s-summary') !== null,
						draft: sec('s-draft') !== null && sec('s-draft').querySelector('a[href*="/files/"]') !== null,
						rows: [...document.querySelectorAll('table.catalogue-table tbody tr')].map((tr) => {
							const td = tr.querySelector('td:last-child');
							const a = td && td.querySelector('a[href]');
							return { link: a ? a.getAttribute('href') : null, text: td ? td.textContent.trim() : '' };
						}),
						chart: document.querySelectorAll('ul.org-chart li').length,
						infoMail: sec('s-info-contact') !== null && sec('s-info-contact').querySelector('a[href^="mailto:"]') !== null,
						text: art ? art.textContent : '',
						files: sec('s-attachments') ? sec('s-attachments').querySelectorAll('a[href*="/files/"]').length : 0,
						answer: (() => { const s = sec('s-answer'); return s ? s.textContent.trim().length : 0; })(),
						lang: document.documentElement.lang,
					};
				});
				if (kind === 'procedure' && d.portal === 0)
					bad.push('no https link to dichvucong.gov.vn');
				if (kind === 'consultation') {
					const m = d.badge && /consultation-(upcoming|open|closed)\b/.exec(d.badge.cls);
					if (!m || d.badge.text === '')
						bad.push(`no status badge (upcoming/open/closed): ${JSON.stringify(d.badge)}`);
					else if (m[1] === 'closed' ? !d.summary : !d.how)
						bad.push(`status ${m[1]} without its section (${m[1] === 'closed' ? 'summary' : 'how to comment'})`);
					if (!d.draft)
						bad.push('no link to the draft under /files/');
				}
				if (kind === 'catalogue') {
					if (d.rows.length !== wantRows)
						bad.push(`${d.rows.length} categories shown, site.yaml lists ${wantRows}`);
					const none = d.lang === 'en' ? 'not yet' : 'chưa có';
					d.rows.forEach((r, i) => {
						if (!r.link && r.text !== none)
							bad.push(`category ${i + 1}: neither a link nor "${none}" (${r.text})`);
					});
				}
				if (kind === 'organization') {
					if (d.chart < 2)
						bad.push(`organisation chart has ${d.chart} units`);
					if (!d.infoMail)
						bad.push('no e-mail for the contact point for information requests');
					const mobile = /(^|[^\d])(\+84[\s.]?|0)[35789]\d(?:[\s.-]?\d){7}(?!\d)/.exec(d.text);
					if (mobile)
						bad.push(`a mobile number on the page: ${mobile[0].trim()}`);
				}
				if (kind === 'report' && d.files === 0)
					bad.push('no attachment under /files/');
				if (kind === 'qa' && d.answer < 20)
					bad.push('the answer is empty');
			} catch (e) {
				bad.push(`error: ${e.message.split('\n')[0]}`);
			}
			await page.close();
			record('law-kinds', p.path, bad.length === 0, bad);
		}
	}
}

async function main() {
	runVnu();
	await checkServer();

	const axeSource = readFileSync(join(here, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
		headless: true,
		args: CHROMIUM_ARGS,
	});
	try {
		const desktop = await newContext(browser, { viewport: { width: 1280, height: 900 } });
		const phone = await newContext(browser, { viewport: { width: 375, height: 740 },
		    deviceScaleFactor: 2, isMobile: true, hasTouch: true });
		const nojs = await newContext(browser, { viewport: { width: 1280, height: 900 },
		    javaScriptEnabled: false });
		const idsByPath = new Map();
		const linksByPage = new Map();
		const weights = [];
		for (const p of pages) {
			const out = await visitDesktop(desktop, p, axeSource, idsByPath, linksByPage, weights);
			const more = [...await visitPhone(phone, p), ...await visitNoScript(nojs, p)]
			    .filter((x) => !out.includes(x));
			if (more.length)
				record('external', p.path + ' (375 px / no JS)', false, more);
		}
		for (const p of pages)
			await checkLinks(p, linksByPage.get(p.path) || [], idsByPath);
		// The check above must have had something to check.
		if (pagesWithJsonLd === 0)
			record('jsonld', '(site)', false, ['no page carries a JSON-LD block']);

		// The investors' filter, where the markup exists.
		const withFilter = pages.filter((p) => /\sdata-filter[\s=>]/.test(readFileSync(p.file, 'utf8')));
		if (withFilter.length === 0) {
			console.log('filter: not present (skipped)');
			if (requireFilter)
				record('filter', '(site)', false, ['BROWSER_REQUIRE_FILTER=1 but no page carries data-filter']);
		}
		for (const p of withFilter)
			await checkFilter(desktop, p);

		// Budget disclosures: the same figures in HTML, CSV and JSON.
		const budgets = pages.filter((p) => {
			const html = readFileSync(p.file, 'utf8');
			return /du-lieu\.csv/.test(html) && /class="budget-table/.test(html);
		});
		if (budgets.length === 0)
			record('budget-data', '(site)', false, ['no budget page with downloads']);
		for (const p of budgets)
			await checkBudgetData(desktop, p);

		// The zones' map and the sortable comparison, where they exist.
		for (const p of pages) {
			const html = readFileSync(p.file, 'utf8');
			if (/class="zone-map"/.test(html))
				await checkMap(desktop, p);
			if (/<table[^>]* data-sortable/.test(html))
				await checkSort(desktop, p);
		}

		// The kinds the law on access to information asks for.
		await checkLawKinds(desktop, pages);

		await screenshots(browser, pages.map((p) => p.path));

		if (weights.length) {
			const sorted = weights.map((w) => w.bytes).sort((a, b) => a - b);
			const mid = sorted.length >> 1;
			const median = sorted.length % 2 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
			const max = weights.reduce((a, b) => (b.bytes > a.bytes ? b : a));
			console.log(`weight: median ${median} B, max ${max.bytes} B (${max.path}), limit ${WEIGHT_LIMIT} B`);
		}
		await desktop.close();
		await phone.close();
		await nojs.close();
	} finally {
		await browser.close();
	}

	for (const [check, t] of tally)
		console.log(`  ${check.padEnd(14)} ${t.pass} passed, ${t.fail} failed`);
	console.log(`browser: ${passed} passed, ${failed} failed`);
	process.exit(failed ? 1 : 0);
}

main().catch((e) => {
	console.error(e);
	console.log(`browser: ${passed} passed, ${failed + 1} failed`);
	process.exit(1);
});
