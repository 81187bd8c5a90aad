/*
 * The investors' filter of the calls list (templates/list-call.mustache).
 * No framework, no build step; progressive enhancement only: without this
 * script every call is listed and the static browse pages (by zone,
 * sector, status) do the narrowing.  Loaded with <script defer> on the
 * calls list only; no inline script anywhere (strict CSP).
 *
 * Contract (tests/browser/check.mjs relies on it):
 *  - a <form data-filter> (hidden until this script shows it) holds
 *    <select> elements named zone, sector, area, status, deadline; the
 *    option ""
 *    means "all".  The template may give an option the URL of its browse
 *    page (/keu-goi-dau-tu/khu/kcn-loc-son/): the value becomes the last
 *    path segment (kcn-loc-son), the facet's key.
 *  - each list item outside the form carries data-zone, data-status and,
 *    from the template, data-sector-name (the sector as written),
 *    data-area-ha (the area in ha, dot decimals), data-deadline-date
 *    (YYYY-MM-DD, empty without a deadline) and data-days-left (days
 *    to the deadline at the build date, empty once it has passed); the
 *    script sets data-sector (the name as a slug, as the generator
 *    makes browse URLs: đ -> d, marks dropped, other runs -> "-"),
 *    data-area (a band: under-5, 5-50, over-50) and data-deadline
 *    (within-30 and within-90, within-90, later, passed or none; the
 *    build date's count, as the status badges).  A value may hold
 *    several space-separated keys.  Keys compare with "_" read as "-".
 *  - changing a select hides the items that do not match (the hidden
 *    attribute) and writes the choice to location.search with
 *    history.replaceState (?zone=kcn-loc-son&status=open), no reload;
 *    submitting the form does nothing more.
 *  - loading the page with such a query shows the same narrowed list.
 */
(function () {
	'use strict';

	var form = document.querySelector('form[data-filter]');
	if (!form || !window.history || !history.replaceState)
		return;
	var FIELDS = ['zone', 'sector', 'area', 'status', 'deadline'];
	var items = Array.prototype.filter.call(
	    document.querySelectorAll('[data-zone],[data-status],[data-sector-name],[data-area-ha],[data-deadline-date]'),
	    function (el) { return !form.contains(el); });
	var result = form.querySelector('.filter-result');
	var empty = document.querySelector('.filter-empty');

	function key(s) {
		return String(s || '').toLowerCase().replace(/_/g, '-');
	}

	function slug(s) {
		s = String(s || '').replace(/[\u0110\u0111\u00d0\u00f0]/g, 'd');
		if (s.normalize)
			s = s.normalize('NFKD');
		return s.replace(/[\u0300-\u036f]/g, '').toLowerCase()
		    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
	}

	function band(ha) {
		var n = parseFloat(ha);
		if (isNaN(n))
			return '';
		return n < 5 ? 'under-5' : n <= 50 ? '5-50' : 'over-50';
	}

	/* The deadline's band at the build date (data-days-left). */
	function due(date, left) {
		if (!date)
			return 'none';
		if (left === null || left === '')
			return 'passed';
		var n = parseInt(left, 10);
		if (isNaN(n))
			return '';
		return n <= 30 ? 'within-30 within-90' : n <= 90 ? 'within-90' : 'later';
	}

	function lastSegment(v) {
		var parts = v.split('/').filter(function (p) { return p !== ''; });
		return parts.length ? decodeURIComponent(parts[parts.length - 1]) : v;
	}

	/* Derived attributes, option values as keys. */
	items.forEach(function (el) {
		if (!el.hasAttribute('data-sector') && el.hasAttribute('data-sector-name'))
			el.setAttribute('data-sector', slug(el.getAttribute('data-sector-name')));
		if (!el.hasAttribute('data-area') && el.hasAttribute('data-area-ha'))
			el.setAttribute('data-area', band(el.getAttribute('data-area-ha')));
		if (!el.hasAttribute('data-deadline') && el.hasAttribute('data-deadline-date'))
			el.setAttribute('data-deadline', due(el.getAttribute('data-deadline-date'),
			    el.getAttribute('data-days-left')));
	});
	var selects = {};
	FIELDS.forEach(function (f) {
		var s = form.querySelector('select[name="' + f + '"]');
		if (!s)
			return;
		selects[f] = s;
		Array.prototype.forEach.call(s.options, function (o) {
			if (o.value.indexOf('/') >= 0)
				o.value = key(lastSegment(o.value));
		});
	});

	function values(el, f) {
		return (el.getAttribute('data-' + f) || '').split(/\s+/)
		    .filter(Boolean).map(key);
	}

	function apply(updateUrl) {
		var shown = 0;
		var chosen = {};
		FIELDS.forEach(function (f) {
			if (selects[f] && selects[f].value !== '')
				chosen[f] = selects[f].value;
		});
		items.forEach(function (el) {
			var ok = Object.keys(chosen).every(function (f) {
				return values(el, f).indexOf(key(chosen[f])) >= 0;
			});
			el.hidden = !ok;
			if (ok)
				shown++;
		});
		if (result)
			result.textContent = Object.keys(chosen).length ?
			    (form.getAttribute('data-shown') || '') .replace('{n}', shown).replace('{total}', items.length) : '';
		if (empty)
			empty.hidden = shown !== 0;
		if (updateUrl) {
			var q = new URLSearchParams(location.search);
			FIELDS.forEach(function (f) {
				if (chosen[f])
					q.set(f, chosen[f]);
				else
					q.delete(f);
			});
			var s = q.toString();
			history.replaceState(null, '', location.pathname + (s ? '?' + s : '') + location.hash);
		}
	}

	/* The query in the URL selects the options it names. */
	var params = new URLSearchParams(location.search);
	FIELDS.forEach(function (f) {
		var v = params.get(f);
		if (v === null || !selects[f])
			return;
		v = key(v);
		var has = Array.prototype.some.call(selects[f].options,
		    function (o) { return o.value === v; });
		if (has)
			selects[f].value = v;
	});
	form.addEventListener('change', function () { apply(true); });
	form.addEventListener('submit', function (e) {
		e.preventDefault();
		apply(true);
	});
	form.hidden = false;
	apply(false);
})();
