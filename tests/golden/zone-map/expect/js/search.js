/*
 * The site search (generator/search.c writes the index).  The core is
 * pure and runs in node as well (tests/search/query.mjs): fold, terms,
 * shardOf, rank, snippet, and search(), which loads files through the
 * function it is given.  In a page, the form #search-form is answered
 * from the index named by its data-index, fetching meta.json, the shard
 * of each term of the query and the chunks of the results shown; the
 * results are built with textContent (no HTML from data).
 */
(function () {
	'use strict';

	var SHOWN = 10;

	/* As search_fold(): NFD, marks dropped, đ → d, lower case. */
	function fold(s) {
		return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
		    .replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
	}

	/* The query's terms, as the build cuts text: runs of a-z, 0-9 and
	 * non-ASCII; one letter is no term, one digit is. */
	function terms(q) {
		var out = [], seen = {};
		fold(q).split(/[^a-z0-9\u0080-\uffff]+/).forEach(function (t) {
			if ((t.length >= 2 || /^[0-9]$/.test(t)) &&
			    t.length <= 40 && !seen[t]) {
				seen[t] = true;
				out.push(t);
			}
		});
		return out.slice(0, 32);	/* rank() counts terms in bytes */
	}

	/* FNV-1a (32 bits) of the term's UTF-8 bytes, mod n. */
	function shardOf(t, n) {
		var b = new TextEncoder().encode(t), h = 0x811c9dc5, i;
		for (i = 0; i < b.length; i++) {
			h ^= b[i];
			h = Math.imul(h, 16777619) >>> 0;
		}
		return h % n;
	}

	/* The value of each base64url character of a shard's postings. */
	var B64 = (function () {
		var a = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz' +
		    '0123456789-_', v = new Uint8Array(128), i;
		for (i = 0; i < a.length; i++)
			v[a.charCodeAt(i)] = i;
		return v;
	})();

	/*
	 * Documents holding every term (lists[i]: the postings of terms[i],
	 * as the shard holds them), of the given kind ("" any), by score:
	 * the sum of the weights, a title occurrence weighing 16; ties by
	 * number.
	 */
	function rank(meta, lists, kind) {
		var n = meta.docs, score = new Uint32Array(n);
		var cnt = new Uint8Array(n), i, j, d, g, k = -1, out = [];
		if (kind && (k = meta.kinds.indexOf(kind)) < 0)
			return [];
		for (i = 0; i < lists.length; i++) {
			var p = lists[i];
			if (!p)
				return [];
			/* a character of 32-63: a digit (5 bits, most
			 * significant first) of the gap from the previous
			 * document less one; of 0-31: the weight, titles * 8
			 * + body occurrences, ending the posting.  A
			 * document counts once it has every earlier term. */
			for (j = 0, d = -1, g = 0; j < p.length; j++) {
				var v = B64[p.charCodeAt(j) & 127];
				if (v & 32) {
					g = g * 32 + (v & 31);
					continue;
				}
				d += g + 1;
				g = 0;
				if (cnt[d] === i) {
					cnt[d]++;
					score[d] += (v >> 3) * 16 + (v & 7);
				}
			}
		}
		for (d = 0; d < n; d++)
			if (cnt[d] === lists.length &&
			    (k < 0 || meta.k.charCodeAt(d) - 97 === k))
				out.push(d);
		out.sort(function (a, b) { return score[b] - score[a] || a - b; });
		return out;
	}

	/*
	 * text cut to about max characters around the first match of a
	 * term, as segments [string, marked?]: the folded form of each
	 * character mapped back to the original, so "ngân" is marked for
	 * "ngan".
	 */
	function snippet(text, ts, max) {
		var chars = Array.from(text), f = '', at = [], i, j, c;
		for (i = 0; i < chars.length; i++) {
			c = fold(chars[i]);
			for (j = 0; j < c.length; j++)
				at.push(i);
			f += c;
		}
		var isw = function (ch) {
			return ch !== undefined && /[a-z0-9\u0080-\uffff]/.test(ch);
		};
		var marks = [];
		ts.forEach(function (t) {
			var p = 0;
			while ((p = f.indexOf(t, p)) >= 0) {
				if (!isw(f[p - 1]) && !isw(f[p + t.length]))
					marks.push([at[p], at[p + t.length - 1] + 1]);
				p += t.length;
			}
		});
		marks.sort(function (a, b) { return a[0] - b[0]; });
		var from = 0, to = chars.length;
		if (max && chars.length > max) {
			from = marks.length ? Math.max(0, marks[0][0] - max / 3) : 0;
			to = Math.min(chars.length, from + max);
		}
		var out = [], pos = from;
		marks.forEach(function (m) {
			if (m[0] < pos || m[1] > to)
				return;
			if (m[0] > pos)
				out.push([chars.slice(pos, m[0]).join(''), false]);
			out.push([chars.slice(m[0], m[1]).join(''), true]);
			pos = m[1];
		});
		if (pos < to)
			out.push([chars.slice(pos, to).join(''), false]);
		if (from > 0)
			out.unshift(['… ', false]);
		if (to < chars.length)
			out.push([' …', false]);
		return out;
	}

	/*
	 * Answers q (kind "" for any) from the index, load(name) giving a
	 * promise of the parsed file (meta.json, s<k>.json, d<k>.json) and
	 * caching it.  Resolves to {total, results: [{doc, url, title,
	 * date, text, kind}]} for the first `shown` results.
	 */
	function search(load, q, kind, shown) {
		var ts = terms(q);
		if (!ts.length)
			return Promise.resolve({ terms: ts, total: 0, results: [] });
		return load('meta.json').then(function (meta) {
			return Promise.all(ts.map(function (t) {
				return load('s' + shardOf(t, meta.shards) + '.json')
				    .then(function (sh) {
					return Object.prototype.hasOwnProperty
					    .call(sh, t) ? sh[t] : null;
				});
			})).then(function (lists) {
				var docs = rank(meta, lists, kind);
				var top = docs.slice(0, shown || SHOWN);
				var chunks = [];
				top.forEach(function (d) {
					var c = Math.floor(d / meta.chunk);
					if (chunks.indexOf(c) < 0)
						chunks.push(c);
				});
				return Promise.all(chunks.map(function (c) {
					return load('d' + c + '.json');
				})).then(function (got) {
					var res = top.map(function (d) {
						var r = got[chunks.indexOf(Math.floor(
						    d / meta.chunk))][d % meta.chunk];
						return { doc: d, url: r[0], title: r[1],
						    date: r[2], text: r[3],
						    kind: meta.kinds[
						    meta.k.charCodeAt(d) - 97] };
					});
					return { terms: ts, total: docs.length,
					    results: res };
				});
			});
		});
	}

	var core = { fold: fold, terms: terms, shardOf: shardOf, rank: rank,
	    snippet: snippet, search: search };
	if (typeof module === 'object' && module.exports)
		module.exports = core;
	if (typeof document === 'undefined')
		return;

	/* The page. */
	function marked(el, segs) {
		segs.forEach(function (s) {
			if (s[1]) {
				var m = document.createElement('mark');
				m.textContent = s[0];
				el.appendChild(m);
			} else {
				el.appendChild(document.createTextNode(s[0]));
			}
		});
	}

	function start() {
		var form = document.getElementById('search-form');
		if (!form)
			return;
		var base = form.getAttribute('data-index');
		var lang = form.getAttribute('data-lang');
		var input = form.elements.q, select = form.elements.kind;
		var status = document.getElementById('search-status');
		var list = document.getElementById('search-results');
		var names = {}, cache = {}, seq = 0, timer = null;
		Array.prototype.forEach.call(select.options, function (o) {
			names[o.value] = o.textContent;
		});
		function load(name) {
			if (!cache[name])
				cache[name] = fetch(base + name).then(function (r) {
					if (!r.ok)
						throw new Error(r.status);
					return r.json();
				});
			return cache[name];
		}
		function say(key, n) {
			status.textContent = (status.getAttribute('data-' + key) ||
			    '').replace('{n}', n);
		}
		function dateText(d) {
			var p = d.split('-');
			return lang === 'vi' && p.length === 3 ?
			    p[2] + '/' + p[1] + '/' + p[0] : d;
		}
		function show(ans) {
			list.textContent = '';
			say(ans.total ? 'results' : 'none', ans.total);
			ans.results.forEach(function (r) {
				var li = document.createElement('li');
				var h = document.createElement('a');
				var meta = document.createElement('p');
				var k = document.createElement('span');
				var p = document.createElement('p');
				h.href = r.url;
				h.className = 'search-title';
				marked(h, snippet(r.title, ans.terms, 0));
				li.appendChild(h);
				meta.className = 'search-meta';
				k.className = 'search-kind';
				k.textContent = names[r.kind] || r.kind;
				meta.appendChild(k);
				if (r.date) {
					var t = document.createElement('time');
					t.setAttribute('datetime', r.date);
					t.textContent = dateText(r.date);
					meta.appendChild(document.createTextNode(' · '));
					meta.appendChild(t);
				}
				li.appendChild(meta);
				p.className = 'search-snippet';
				marked(p, snippet(r.text, ans.terms, 200));
				li.appendChild(p);
				li.setAttribute('data-kind', r.kind);
				list.appendChild(li);
			});
		}
		function run() {
			var q = input.value, my = ++seq;
			var u = new URL(location.href);
			if (q)
				u.searchParams.set('q', q);
			else
				u.searchParams.delete('q');
			if (select.value)
				u.searchParams.set('kind', select.value);
			else
				u.searchParams.delete('kind');
			history.replaceState(null, '', u);
			if (!terms(q).length) {
				list.textContent = '';
				status.textContent = '';
				return;
			}
			say('loading', 0);
			search(load, q, select.value, SHOWN).then(function (ans) {
				if (my === seq)
					show(ans);
			}, function () {
				if (my === seq)
					say('failed', 0);
			});
		}
		form.addEventListener('submit', function (e) {
			e.preventDefault();
			run();
		});
		input.addEventListener('input', function () {
			clearTimeout(timer);
			timer = setTimeout(run, 150);
		});
		select.addEventListener('change', run);
		var params = new URLSearchParams(location.search);
		if (params.get('q'))
			input.value = params.get('q');
		if (params.get('kind'))
			select.value = params.get('kind');
		if (input.value)
			run();
	}

	if (document.readyState === 'loading')
		document.addEventListener('DOMContentLoaded', start);
	else
		start();
})();
