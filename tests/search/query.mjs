// The search core of themes/default/static/js/search.js against a built
// index, in node (no DOM): the same code the page runs.
//   node query.mjs OUT check        the sample site's queries (exit 1 on a miss)
//   node query.mjs OUT bench QUERY  bytes a first query loads, and its time
//   node query.mjs OUT query Q [K]  prints the results' urls
import { createRequire } from 'node:module';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const core = require(join(here, '../../themes/default/static/js/search.js'));
const [out, mode, ...args] = process.argv.slice(2);

function loader(lang) {
	const dir = join(out, 'tim-kiem/idx', lang);
	const cache = new Map();
	const l = (name) => {
		if (!cache.has(name)) {
			const p = join(dir, name);
			l.bytes += statSync(p).size;
			l.files.push(name);
			cache.set(name, Promise.resolve(JSON.parse(readFileSync(p, 'utf8'))));
		}
		return cache.get(name);
	};
	l.bytes = 0;
	l.files = [];
	return l;
}

let bad = 0;
function check(what, ok) {
	if (!ok) {
		bad++;
		console.log('search: FAIL ' + what);
	}
}

if (mode === 'check') {
	const eq = (a, b) => JSON.stringify(a) === JSON.stringify(b);
	check('fold', core.fold('Ngân sách') === 'ngan sach' &&
	    core.fold('Đồng') === 'dong' &&
	    core.fold('Ngân sách'.normalize('NFD')) === 'ngan sach');
	check('terms', eq(core.terms('  Lộc-Sơn  a 2 lộc '), ['loc', 'son', '2']));
	const vi = loader('vi');
	const q = async (s, k) => (await core.search(vi, s, k || '', 50)).results;
	const a = await q('ngan sach'), b = await q('ngân sách');
	check('"ngan sach" finds budgets first', a.length >= 3 &&
	    a.slice(0, 4).filter(r => r.kind === 'budget').length >= 3 &&
	    core.fold(a[0].title).includes('ngan sach'));
	check('"ngân sách" = "ngan sach"', eq(a, b));
	check('NFD query', eq(await q('ngân sách'.normalize('NFD')), a));
	const l1 = await q('Lộc Sơn'), l2 = await q('loc son');
	check('"Lộc Sơn": the zone first', l1.length > 0 && l1[0].kind === 'zone' &&
	    l1[0].url.includes('loc-son'));
	check('"loc son" = "Lộc Sơn"', eq(l1, l2));
	const t = await q('thanh tra 2020');
	// the plan of 2020's inspections (its title has every term), then
	// the inspections of 2020
	const has = (r, ws) => ws.every(w => (' ' + core.fold(r.title) + ' ' +
	    r.date.slice(0, 4) + ' ').match(new RegExp('[^a-z0-9]' + w + '[^a-z0-9]')));
	check('"thanh tra 2020": pages of 2020 inspections first', t.length >= 4 &&
	    t.slice(0, 4).every(r => has(r, ['thanh', 'tra', '2020']) ||
	    r.title.includes('năm 2020')) &&
	    t.slice(0, 4).filter(r => r.kind === 'inspection').length >= 2);
	const tk = await q('thanh tra 2020', 'inspection');
	check('kind filter', tk.length > 0 && tk.length < t.length &&
	    tk.every(r => r.kind === 'inspection'));
	const nk = await q('ngan sach', 'news');
	check('kind filter (news)', nk.every(r => r.kind === 'news'));
	check('AND', (await q('ngan sach zzzqqq')).length === 0);
	const sn = core.snippet('Công khai Ngân sách năm 2020', core.terms('ngan sach'), 0);
	check('snippet marks', eq(sn.filter(s => s[1]).map(s => s[0]), ['Ngân', 'sách']));
	const en = loader('en');
	check('en index', (await core.search(en, 'loc son', '', 10)).results.length > 0);
	console.log(bad ? `search: ${bad} failed` : 'search: node checks ok');
	process.exit(bad ? 1 : 0);
} else if (mode === 'bench') {
	// bytes: as stored, and gzipped as a host with gzip_static sends them
	const { gzipSync } = await import('node:zlib');
	const l = loader('vi');
	const t0 = performance.now();
	const r = await core.search(l, args[0], '', 10);
	const t1 = performance.now();
	let gz = 0;
	for (const f of l.files)
		gz += gzipSync(readFileSync(join(out, 'tim-kiem/idx/vi', f))).length;
	// after load: the query again, its files cached (median of 5)
	const ts = [];
	for (let i = 0; i < 5; i++) {
		const a = performance.now();
		await core.search(l, args[0], '', 10);
		ts.push(performance.now() - a);
	}
	ts.sort((x, y) => x - y);
	console.log(`${l.bytes} ${gz} ${l.files.length} ${r.total} ${(t1 - t0).toFixed(1)} ${ts[2].toFixed(1)}`);
} else if (mode === 'query') {
	const r = await core.search(loader('vi'), args[0], args[1] || '', 20);
	for (const x of r.results)
		console.log(x.kind, x.url, x.title);
}
