// Lighthouse on the built sample portal (run.sh's "lighthouse" group): the
// SEO and best-practices categories on one page of every page kind, in
// Vietnamese and in English, each score exactly 1 (100).  A failing page
// prints the audits that cost it points, with their details.
//
// One Chromium (Debian's, started here with a DevTools port) serves every
// run: Lighthouse opens a tab per page and closes it.  The preset is
// Lighthouse's default, mobile: Google indexes the mobile rendering first,
// and it is the stricter of the two for these categories (font-size and
// image-size-responsive at the phone's pixel ratio).  No performance
// figure is read, so the waits are cut to what these audits need: the
// load event, then half a second without network or CPU activity (a late
// request's console error still counts).  Throttling stays "simulate",
// which throttles nothing while loading (it only models the performance
// metrics afterwards); "provided" would force 5.25 s quiet windows on
// every page.  No full-page screenshot either.
// Environment: SITE_DIR, BASE_URL (as check.mjs); CHROMIUM;
// LIGHTHOUSE_ONLY, a regular expression: only the kinds whose name
// matches (e.g. 'budget|zone'), to look at one failure again.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';

const siteDir = process.env.SITE_DIR;
const base = (process.env.BASE_URL || '').replace(/\/$/, '');
if (!siteDir || !base) {
	console.error('lighthouse.mjs: SITE_DIR and BASE_URL must be set (run run.sh)');
	process.exit(2);
}
const CATEGORIES = ['seo', 'best-practices'];
const CONFIG = {
	extends: 'lighthouse:default',
	settings: {
		onlyCategories: CATEGORIES,
		throttlingMethod: 'simulate',
		pauseAfterFcpMs: 0,
		pauseAfterLoadMs: 0,
		networkQuietThresholdMs: 500,
		cpuQuietThresholdMs: 500,
		disableFullPageScreenshot: true,
		locale: 'en-US',
	},
};

// The page kinds and where the sample has one of each.  Vietnamese first;
// the English side has a page of a kind only where an editor translated a
// record, so a kind without an English record is audited through its
// English list (the list kinds below) and reported as such.  History
// pages, old revisions and 404.html are left out on purpose: they are
// noindex (and 404), so the SEO category must mark them down.
const KINDS = [
	['home', '/', '/en/'],
	['news list', '/tin-tuc/', '/en/tin-tuc/'],
	['news article', /^\/tin-tuc\/[^/]+\/$/, /^\/en\/tin-tuc\/[^/]+\/$/],
	['zone list', '/khu-cong-nghiep/', '/en/khu-cong-nghiep/'],
	['zone', /^\/khu-cong-nghiep\/[^/]+\/$/, /^\/en\/khu-cong-nghiep\/[^/]+\/$/],
	['call list', '/keu-goi-dau-tu/', '/en/keu-goi-dau-tu/'],
	['call list by zone', /^\/keu-goi-dau-tu\/khu\/[^/]+\/$/, /^\/en\/keu-goi-dau-tu\/zone\/[^/]+\/$/],
	['call', /^\/keu-goi-dau-tu\/(?!khu\/|linh-vuc\/|trang-thai\/|trang\/)[^/]+\/$/,
	    /^\/en\/keu-goi-dau-tu\/(?!zone\/|sector\/|status\/|page\/)[^/]+\/$/],
	['budget list', '/ngan-sach/', '/en/ngan-sach/'],
	['budget', /^\/ngan-sach\/(?!chuoi\/|trang\/)[^/]+\/$/, /^\/en\/ngan-sach\/(?!series\/|page\/)[^/]+\/$/],
	['budget series', /^\/ngan-sach\/chuoi\/[^/]+\/$/, /^\/en\/ngan-sach\/series\/[^/]+\/$/],
	['inspection list', '/thanh-tra/', '/en/thanh-tra/'],
	['inspection', /^\/thanh-tra\/[^/]+\/$/, /^\/en\/thanh-tra\/[^/]+\/$/],
	['document list', '/van-ban/', '/en/van-ban/'],
	['document', /^\/van-ban\/[^/]+\/$/, /^\/en\/van-ban\/[^/]+\/$/],
	['plan list', '/ke-hoach/', '/en/ke-hoach/'],
	['plan', /^\/ke-hoach\/[^/]+\/$/, /^\/en\/ke-hoach\/[^/]+\/$/],
	['procedure list', '/thu-tuc-hanh-chinh/', '/en/thu-tuc-hanh-chinh/'],
	['procedure', /^\/thu-tuc-hanh-chinh\/[^/]+\/$/, /^\/en\/thu-tuc-hanh-chinh\/[^/]+\/$/],
	['consultation list', '/lay-y-kien/', '/en/lay-y-kien/'],
	['consultation', /^\/lay-y-kien\/[^/]+\/$/, /^\/en\/lay-y-kien\/[^/]+\/$/],
	['qa list', '/hoi-dap/', '/en/hoi-dap/'],
	['qa', /^\/hoi-dap\/[^/]+\/$/, /^\/en\/hoi-dap\/[^/]+\/$/],
	['report list', '/bao-cao/', '/en/bao-cao/'],
	['report', /^\/bao-cao\/[^/]+\/$/, /^\/en\/bao-cao\/[^/]+\/$/],
	['organisation list', '/co-cau-to-chuc/', '/en/co-cau-to-chuc/'],
	['organisation', /^\/co-cau-to-chuc\/[^/]+\/$/, /^\/en\/co-cau-to-chuc\/[^/]+\/$/],
	['about page', '/gioi-thieu/', '/en/gioi-thieu/'],
	['plain page', /^\/ke-hoach-thanh-tra[^/]*\/$/, null],
	['open data', '/du-lieu/', '/en/data/'],
	['search', '/tim-kiem/', '/en/search/'],
	['access to information', '/tiep-can-thong-tin/', '/en/tiep-can-thong-tin/'],
	['changes', '/thay-doi/', '/en/changes/'],
];

// Every page of the build, as its URL path (a/b/index.html -> /a/b/).
function walk(dir, rel = '', out = []) {
	for (const e of readdirSync(dir, { withFileTypes: true })) {
		if (e.name.startsWith('.'))
			continue;
		if (e.isDirectory())
			walk(join(dir, e.name), `${rel}${e.name}/`, out);
		else if (e.name === 'index.html')
			out.push(`/${rel}`);
	}
	return out;
}

let passed = 0, failed = 0;
function record(name, ok, details = []) {
	if (ok) {
		passed++;
		return;
	}
	failed++;
	console.log(`FAIL lighthouse ${name}`);
	for (const d of details.slice(0, 60))
		console.log(`  ${d}`);
	if (details.length > 60)
		console.log(`  ... and ${details.length - 60} more`);
}

function pick(paths, want) {
	if (want === null)
		return null;
	if (typeof want === 'string')
		return paths.includes(want) ? want : undefined;
	return paths.find((p) => want.test(p));
}

// Chromium with a DevTools port of its choosing, read from its stderr.
function startChromium(profile) {
	const bin = process.env.CHROMIUM || '/usr/bin/chromium';
	const proc = spawn(bin, [
		'--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
		'--no-first-run', '--no-default-browser-check',
		'--disable-background-networking', '--disable-component-update',
		'--disable-sync', '--disable-extensions', '--mute-audio',
		'--remote-debugging-port=0', `--user-data-dir=${profile}`,
		'about:blank',
	], { stdio: ['ignore', 'ignore', 'pipe'] });
	return new Promise((resolve, reject) => {
		let err = '';
		const timer = setTimeout(() => reject(new Error(
		    `chromium gave no DevTools port in 30 s: ${err.slice(-500)}`)), 30000);
		proc.stderr.on('data', (d) => {
			err += d;
			const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(err);
			if (m) {
				clearTimeout(timer);
				proc.stderr.removeAllListeners('data');
				proc.stderr.resume();
				resolve({ proc, port: Number(m[1]) });
			}
		});
		proc.on('exit', (c) => {
			clearTimeout(timer);
			reject(new Error(`chromium exited (${c}): ${err.slice(-500)}`));
		});
	});
}

// The audits that cost a category points: weighted, scored below 1.
function losses(lhr, cat) {
	const out = [];
	for (const ref of lhr.categories[cat].auditRefs) {
		const a = lhr.audits[ref.id];
		if (ref.weight === 0 || a.score === null || a.score >= 1)
			continue;
		out.push(`${a.id} (score ${a.score}, weight ${ref.weight}): ${a.title}` +
		    (a.displayValue ? ` — ${a.displayValue}` : ''));
		if (a.explanation)
			out.push(`    ${a.explanation}`);
		const items = (a.details && a.details.items) || [];
		for (const it of items.slice(0, 8)) {
			const bits = [];
			for (const [k, v] of Object.entries(it)) {
				if (v && typeof v === 'object' && v.type === 'node')
					bits.push(`${k}: ${v.snippet || v.selector}`);
				else if (v && typeof v === 'object' && v.type === 'source-location')
					bits.push(`${k}: ${v.url}:${v.line}`);
				else if (typeof v !== 'object')
					bits.push(`${k}: ${String(v).slice(0, 200)}`);
				else
					bits.push(`${k}: ${JSON.stringify(v).slice(0, 200)}`);
			}
			out.push(`    ${bits.join('; ')}`);
		}
		if (items.length > 8)
			out.push(`    ... and ${items.length - 8} more`);
	}
	return out;
}

async function main() {
	const t0 = Date.now();
	const paths = walk(siteDir).sort();
	const targets = [];
	const only = process.env.LIGHTHOUSE_ONLY ? new RegExp(process.env.LIGHTHOUSE_ONLY) : null;
	for (const [kind, vi, en] of KINDS) {
		if (only && !only.test(kind))
			continue;
		const a = pick(paths, vi);
		if (a === undefined)
			record(`(${kind})`, false, [`no Vietnamese ${kind} page in the build`]);
		else
			targets.push([kind, a]);
		const b = pick(paths, en);
		if (b)
			targets.push([`${kind} (en)`, b]);
		else if (b === undefined)
			console.log(`lighthouse: no English ${kind} page in the sample (its list is audited)`);
	}

	const profile = mkdtempSync(join(tmpdir(), 'minhbach-lh-'));
	const { proc, port } = await startChromium(profile);
	const scores = [];
	try {
		for (const [kind, path] of targets) {
			const t = Date.now();
			let lhr;
			try {
				const r = await lighthouse(base + path,
				    { port, output: 'json', logLevel: 'error' }, CONFIG);
				lhr = r && r.lhr;
			} catch (e) {
				record(`${path} (${kind})`, false, [`error: ${e.message.split('\n')[0]}`]);
				continue;
			}
			if (!lhr || lhr.runtimeError) {
				record(`${path} (${kind})`, false, [`lighthouse: ${lhr ? lhr.runtimeError.message : 'no result'}`]);
				continue;
			}
			const line = [];
			for (const cat of CATEGORIES) {
				const s = lhr.categories[cat].score;
				line.push(`${cat} ${s === null ? '-' : Math.round(s * 100)}`);
				record(`${cat} ${path} (${kind})`, s === 1,
				    [`score ${s === null ? 'none' : Math.round(s * 100)}`, ...losses(lhr, cat)]);
			}
			for (const w of lhr.runWarnings || [])
				console.log(`  warning ${path}: ${w}`);
			scores.push(`  ${path.padEnd(58)} ${line.join(', ')}  (${((Date.now() - t) / 1000).toFixed(1)} s, ${kind})`);
		}
	} finally {
		proc.kill();
		await new Promise((r) => (proc.exitCode !== null ? r() : proc.on('exit', r)));
		if (existsSync(profile))
			rmSync(profile, { recursive: true, force: true });
	}
	for (const s of scores)
		console.log(s);
	console.log(`lighthouse: ${targets.length} pages in ${((Date.now() - t0) / 1000).toFixed(0)} s (mobile preset)`);
	console.log(`lighthouse: ${passed} passed, ${failed} failed`);
	process.exit(failed ? 1 : 0);
}

main().catch((e) => {
	console.error(e);
	console.log(`lighthouse: ${passed} passed, ${failed + 1} failed`);
	process.exit(1);
});
