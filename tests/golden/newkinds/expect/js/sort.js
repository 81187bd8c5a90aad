/*
 * Sorting of comparison tables (templates/list-zone.mustache: the zones
 * side by side).  No framework, no build step; progressive enhancement
 * only: without this script the table is the plain table the generator
 * wrote, in the collection's order.  Loaded with <script defer> on the
 * zone list only; no inline script anywhere (strict CSP).
 *
 * Contract:
 *  - a <table data-sortable> with one <thead> row of <th scope="col">
 *    and <tbody> rows; data-decimal and data-thousands give the page's
 *    number format (the theme's format.decimal and format.thousands);
 *  - a cell's key is its data-sort attribute when present, else the
 *    first number of its text ("1.060,5 ha" -> 1060.5 in Vietnamese,
 *    "52 (14 FDI)" -> 52), else (the first column, names) its text;
 *    a cell without a number ("—") sorts last either way;
 *  - each heading becomes a <button> (keyboard and screen readers);
 *    pressing it sorts by that column, ascending first, again to
 *    reverse; the heading carries aria-sort and the others lose it;
 *  - an element [data-sort-hint] (hidden) is shown once the buttons are.
 */
(function () {
	'use strict';

	function key(cell, dec, thou) {
		var t;
		if (cell.hasAttribute('data-sort')) {
			t = cell.getAttribute('data-sort');
			var f = parseFloat(t);
			return isNaN(f) ? t : f;
		}
		t = (cell.textContent || '').trim();
		var s = t;
		if (thou)
			s = s.split(thou).join('');
		if (dec && dec !== '.')
			s = s.split(dec).join('.');
		var m = s.match(/-?\d+(\.\d+)?/);
		if (m)
			return parseFloat(m[0]);
		return t === '' || t === '\u2014' || t === '-' ? null : t;
	}

	function compare(a, b, lang) {
		if (a === null || b === null)
			return 0;	/* handled by the caller */
		if (typeof a === 'number' && typeof b === 'number')
			return a - b;
		return String(a).localeCompare(String(b), lang || undefined);
	}

	function setup(table) {
		var head = table.tHead && table.tHead.rows[0];
		var body = table.tBodies[0];
		if (!head || !body)
			return;
		var dec = table.getAttribute('data-decimal') || '.';
		var thou = table.getAttribute('data-thousands') || '';
		var lang = document.documentElement.lang;
		var ths = Array.prototype.slice.call(head.cells);
		var rows = Array.prototype.slice.call(body.rows);
		rows.forEach(function (r, i) { r.setAttribute('data-order', i); });

		function sortBy(col, dir) {
			var keyed = rows.map(function (r) {
				var c = r.cells[col];
				return {row: r, k: c ? key(c, col === 0 ? '' : dec,
				    col === 0 ? '' : thou) : null,
				    i: +r.getAttribute('data-order')};
			});
			keyed.sort(function (a, b) {
				if (a.k === null && b.k === null)
					return a.i - b.i;
				if (a.k === null)
					return 1;
				if (b.k === null)
					return -1;
				var d = compare(a.k, b.k, lang) * dir;
				return d !== 0 ? d : a.i - b.i;
			});
			keyed.forEach(function (e) { body.appendChild(e.row); });
			ths.forEach(function (th, j) {
				if (j === col)
					th.setAttribute('aria-sort', dir > 0 ?
					    'ascending' : 'descending');
				else
					th.removeAttribute('aria-sort');
			});
		}

		ths.forEach(function (th, col) {
			var b = document.createElement('button');
			b.type = 'button';
			b.className = 'sort';
			while (th.firstChild)
				b.appendChild(th.firstChild);
			th.appendChild(b);
			b.addEventListener('click', function () {
				var now = th.getAttribute('aria-sort');
				sortBy(col, now === 'ascending' ? -1 : 1);
			});
		});
		var hint = document.querySelector('[data-sort-hint]');
		if (hint)
			hint.hidden = false;
	}

	Array.prototype.forEach.call(
	    document.querySelectorAll('table[data-sortable]'), setup);
})();
