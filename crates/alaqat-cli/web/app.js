// alaqat dashboard: plain JavaScript, no framework, no build step, no network beyond this
// server's JSON API. Every string from the API goes into the DOM through textContent or an
// attribute (never innerHTML), and every offset from the API is a Unicode code point, so texts
// are sliced with Array.from, never with UTF-16 indices.
'use strict';

(function () {
  // ---------------------------------------------------------------------------------------
  // UI strings: the one dictionary. Values are strings or functions of their arguments.
  // ---------------------------------------------------------------------------------------
  const I18N = {
    ar: {
      title: 'علاقات',
      tagline: 'العلاقات بين الدول كما ترويها الأخبار، جملةً جملة',
      toggle: 'English',
      dyad: 'الثنائي',
      loading: 'جارٍ التحميل…',
      timeline: 'الخط الزمني',
      timelineHint: 'الأحداث شهريًا حسب الفئة الرباعية، والخط متوسط مقياس غولدستين',
      events: 'الأحداث',
      showAll: 'إظهار غير المؤرخة والمخطط لها',
      colDate: 'التاريخ',
      colEvent: 'الحدث',
      colActors: 'المصدر ← الهدف',
      colGoldstein: 'غولدستين',
      colSources: 'المصادر',
      colEvidence: 'الدليل',
      arrow: '←',
      article: 'المقال',
      articleEmpty: 'اختر حدثًا أو نتيجة بحث لعرض الجملة في مقالها.',
      close: 'إغلاق',
      network: 'شبكة الفاعلين',
      networkHint: 'من التقى بمن؛ سُمك الخط = عدد الأحداث',
      search: 'البحث',
      searchPlaceholder: 'ابحث في النصوص…',
      searchButton: 'بحث',
      searchInDyad: 'ضمن الثنائي فقط',
      more: 'المزيد',
      conflicts: 'التناقضات',
      commitments: 'الالتزامات',
      allDyads: 'كل الثنائيات',
      footer: 'كل سجل مرتبط بالجملة التي تقوله.',
      apiLink: 'واجهة البرمجة (OpenAPI)',
      statDocuments: 'الوثائق',
      statArabic: 'بالعربية',
      statEnglish: 'بالإنجليزية',
      statEvents: 'الأحداث المستخرجة',
      statFused: 'الأحداث الموحدة',
      statEntities: 'الكيانات',
      statConflicts: 'التناقضات',
      statCommitments: 'الالتزامات',
      statDyad: 'أحداث الثنائي',
      noDyads: 'لا توجد أحداث بين دول في المخزن بعد.',
      noEvents: 'لا توجد أحداث مؤرخة لهذا الثنائي.',
      noMonths: 'لا توجد أحداث مؤرخة لرسمها.',
      noNetwork: 'لا يوجد فاعلون لهذا الثنائي.',
      noConflicts: 'لا توجد تناقضات لهذا الثنائي.',
      noCommitments: 'لا توجد التزامات لهذا الثنائي.',
      noResults: 'لا توجد نتائج.',
      results: (n) => `عدد النتائج: ${n}`,
      monthFilter: (m) => `الشهر: ${m}`,
      clearFilter: 'إزالة التصفية',
      error: 'تعذّر التحميل',
      undated: 'غير مؤرخ',
      planned: 'مخطط له',
      published: 'النشر',
      inferred: 'مستنتج',
      source: 'المصدر',
      language: 'اللغة',
      langNames: { ar: 'العربية', en: 'الإنجليزية' },
      evidenceOf: 'الجملة الدالة على الحدث',
      searchHit: 'موضع نتيجة البحث',
      evidenceHit: 'جملة دليل',
      claimEvidence: 'الجملة الدالة على الادعاء',
      commitmentEvidence: 'الجملة الدالة على الالتزام',
      otherReports: 'تقارير أخرى عن الحدث نفسه',
      report: (i) => `تقرير ${i}`,
      sources: (n) => (n === 1 ? 'مصدر واحد' : `${n} مصادر`),
      eventsCount: (n) => `${n} أحداث`,
      edgeTitle: (a, b, n) => `${a} — ${b}: ${n} أحداث`,
      monthTitle: (m, n, g) => `${m}: ${n} أحداث، متوسط غولدستين ${g}`,
      gapTitle: (n) => `${n} أشهر بلا أحداث`,
      goldsteinLine: 'متوسط غولدستين (المحور الأيمن، −10 إلى +10)',
      countAxis: 'عدد الأحداث',
      due: 'الموعد',
      noDue: 'بلا موعد',
      parties: 'الأطراف',
      fulfilledBy: 'أُنجز بالحدث',
      document: 'الوثيقة',
      status: { pending: 'قيد الانتظار', fulfilled: 'منجز', overdue: 'متأخر' },
      modality: { asserted: 'مؤكد', expected: 'متوقع', proposed: 'مقترح', denied: 'منفي', hypothetical: 'افتراضي' },
      quad: { 1: 'تعاون لفظي', 2: 'تعاون مادي', 3: 'نزاع لفظي', 4: 'نزاع مادي' },
      claimKinds: {
        relations_established: 'تاريخ إقامة العلاقات',
        trade_volume: 'حجم التبادل التجاري',
        investment: 'حجم الاستثمارات',
        flights: 'الرحلات الجوية',
      },
      cameo: {
        '01': 'إدلاء بتصريح علني', '02': 'مناشدة', '03': 'التعبير عن نية التعاون', '04': 'تشاور',
        '05': 'تعاون دبلوماسي', '06': 'تعاون مادي', '07': 'تقديم مساعدات', '08': 'تنازل',
        '09': 'تحقيق', '10': 'مطالبة', '11': 'إبداء عدم الرضا', '12': 'رفض', '13': 'تهديد',
        '14': 'احتجاج', '15': 'استعراض القوة', '16': 'خفض العلاقات', '17': 'إكراه', '18': 'اعتداء',
        '19': 'قتال', '20': 'عنف جماعي غير تقليدي',
        '030': 'التعبير عن نية التعاون', '031': 'التعبير عن نية التعاون المادي',
        '032': 'التعبير عن نية تقديم الدعم الدبلوماسي', '033': 'التعبير عن نية تقديم المساعدات',
        '036': 'التعبير عن نية اللقاء أو التفاوض', '040': 'تشاور', '041': 'محادثة هاتفية',
        '042': 'القيام بزيارة', '043': 'استضافة زيارة', '044': 'لقاء في مكان ثالث', '045': 'وساطة',
        '046': 'إجراء مفاوضات', '050': 'تعاون دبلوماسي', '051': 'الإشادة أو التأييد',
        '052': 'الدفاع لفظيًا', '053': 'حشد الدعم', '054': 'منح الاعتراف الدبلوماسي',
        '055': 'الاعتذار', '056': 'الصفح', '057': 'توقيع اتفاق رسمي', '060': 'تعاون مادي',
        '061': 'تعاون اقتصادي', '062': 'تعاون عسكري', '063': 'تعاون قضائي',
        '064': 'تبادل المعلومات الاستخبارية', '070': 'تقديم مساعدات', '071': 'تقديم مساعدات اقتصادية',
        '072': 'تقديم مساعدات عسكرية', '073': 'تقديم مساعدات إنسانية',
      },
    },
    en: {
      title: 'alaqat',
      tagline: 'Relations between countries as the news tells them, sentence by sentence',
      toggle: 'العربية',
      dyad: 'Dyad',
      loading: 'Loading…',
      timeline: 'Timeline',
      timelineHint: 'Events per month by QuadClass; the line is the mean Goldstein score',
      events: 'Events',
      showAll: 'Show undated and planned',
      colDate: 'Date',
      colEvent: 'Event',
      colActors: 'Source → target',
      colGoldstein: 'Goldstein',
      colSources: 'Sources',
      colEvidence: 'Evidence',
      arrow: '→',
      article: 'Article',
      articleEmpty: 'Pick an event or a search result to see its sentence in its article.',
      close: 'Close',
      network: 'Actor network',
      networkHint: 'Who meets whom; edge width = number of events',
      search: 'Search',
      searchPlaceholder: 'Search the texts…',
      searchButton: 'Search',
      searchInDyad: 'Within the dyad only',
      more: 'More',
      conflicts: 'Contradictions',
      commitments: 'Commitments',
      allDyads: 'All dyads',
      footer: 'Every record leads back to the sentence that says it.',
      apiLink: 'API (OpenAPI)',
      statDocuments: 'Documents',
      statArabic: 'Arabic',
      statEnglish: 'English',
      statEvents: 'Extracted events',
      statFused: 'Fused events',
      statEntities: 'Entities',
      statConflicts: 'Contradictions',
      statCommitments: 'Commitments',
      statDyad: 'Dyad events',
      noDyads: 'No events between countries in the store yet.',
      noEvents: 'No dated events for this dyad.',
      noMonths: 'No dated events to chart.',
      noNetwork: 'No actors for this dyad.',
      noConflicts: 'No contradictions for this dyad.',
      noCommitments: 'No commitments for this dyad.',
      noResults: 'No results.',
      results: (n) => (n === 1 ? '1 result' : `${n} results`),
      monthFilter: (m) => `Month: ${m}`,
      clearFilter: 'Clear filter',
      error: 'Could not load',
      undated: 'undated',
      planned: 'planned',
      published: 'Published',
      inferred: 'inferred',
      source: 'Source',
      language: 'Language',
      langNames: { ar: 'Arabic', en: 'English' },
      evidenceOf: 'The sentence coding the event',
      searchHit: 'The search hit',
      evidenceHit: 'evidence',
      claimEvidence: 'The sentence stating the claim',
      commitmentEvidence: 'The sentence stating the commitment',
      otherReports: 'Other reports of the same event',
      report: (i) => `Report ${i}`,
      sources: (n) => (n === 1 ? '1 source' : `${n} sources`),
      eventsCount: (n) => (n === 1 ? '1 event' : `${n} events`),
      edgeTitle: (a, b, n) => `${a} — ${b}: ${n} event${n === 1 ? '' : 's'}`,
      monthTitle: (m, n, g) => `${m}: ${n} event${n === 1 ? '' : 's'}, mean Goldstein ${g}`,
      gapTitle: (n) => `${n} months without events`,
      goldsteinLine: 'Mean Goldstein (right axis, −10 to +10)',
      countAxis: 'Events',
      due: 'Due',
      noDue: 'no due date',
      parties: 'Parties',
      fulfilledBy: 'Fulfilled by event',
      document: 'Document',
      status: { pending: 'pending', fulfilled: 'fulfilled', overdue: 'overdue' },
      modality: { asserted: 'asserted', expected: 'expected', proposed: 'proposed', denied: 'denied', hypothetical: 'hypothetical' },
      quad: { 1: 'Verbal cooperation', 2: 'Material cooperation', 3: 'Verbal conflict', 4: 'Material conflict' },
      claimKinds: {
        relations_established: 'Relations established',
        trade_volume: 'Trade volume',
        investment: 'Investment',
        flights: 'Flights',
      },
      cameo: {},
    },
  };

  const LANG_KEY = 'alaqat.lang';
  const params = new URLSearchParams(window.location.search);

  const state = {
    lang: initialLang(),
    stats: null,
    dyads: [],
    dyad: null, // {a, b, ...} from /api/dyads
    timeline: null,
    network: null,
    conflicts: null,
    commitments: null,
    showAll: false,
    monthFilter: null,
    selectedEvent: null,
    article: null, // {req, doc} or {req, error}
    search: null, // {q, dyad, items, total, error}
    names: new Map(), // entity or country id -> {ar, en}
    seq: 0,
  };
  const docCache = new Map();

  function initialLang() {
    const p = params.get('lang');
    if (p === 'ar' || p === 'en') return p;
    try {
      const s = window.localStorage.getItem(LANG_KEY);
      if (s === 'ar' || s === 'en') return s;
    } catch (_) {
      /* storage may be disabled */
    }
    return 'ar';
  }

  function t(key, ...args) {
    const dict = I18N[state.lang];
    let v = dict[key];
    if (v === undefined) v = I18N.en[key];
    if (typeof v === 'function') return v(...args);
    return v === undefined ? key : v;
  }

  function sub(key, name, fallback) {
    const m = I18N[state.lang][key] || {};
    if (m[name] !== undefined) return m[name];
    const e = I18N.en[key] || {};
    return e[name] !== undefined ? e[name] : fallback;
  }

  const numFmt = {};
  function num(n, digits) {
    const k = state.lang + ':' + (digits || 0);
    if (!numFmt[k]) {
      numFmt[k] = new Intl.NumberFormat(state.lang === 'ar' ? 'ar-u-nu-latn' : 'en', {
        maximumFractionDigits: digits || 0,
        minimumFractionDigits: digits || 0,
      });
    }
    return numFmt[k].format(n);
  }

  // ---------------------------------------------------------------------------------------
  // DOM helpers: text only, never HTML.
  // ---------------------------------------------------------------------------------------
  const $ = (id) => document.getElementById(id);

  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    setAttrs(el, attrs);
    append(el, children);
    return el;
  }

  const SVG_NS = 'http://www.w3.org/2000/svg';
  function s(tag, attrs, ...children) {
    const el = document.createElementNS(SVG_NS, tag);
    setAttrs(el, attrs);
    append(el, children);
    return el;
  }

  function setAttrs(el, attrs) {
    if (!attrs) return;
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'text') el.textContent = String(v);
      else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? '' : String(v));
    }
  }

  function append(el, children) {
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      el.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
    }
  }

  function clear(el) {
    while (el.firstChild) el.removeChild(el.firstChild);
    return el;
  }

  function message(text, cls) {
    return h('p', { class: 'msg' + (cls ? ' ' + cls : ''), text });
  }

  function errorMessage(err) {
    return h('p', { class: 'msg error', role: 'alert', 'data-testid': 'error' }, t('error') + ': ', h('bdi', { text: errText(err) }));
  }

  function errText(err) {
    return err && err.message ? err.message : String(err);
  }

  // ---------------------------------------------------------------------------------------
  // API
  // ---------------------------------------------------------------------------------------
  class ApiError extends Error {}

  async function api(path, query) {
    const url = new URL(path, window.location.origin);
    if (query) {
      for (const [k, v] of Object.entries(query)) {
        if (v !== null && v !== undefined && v !== '') url.searchParams.set(k, String(v));
      }
    }
    let res;
    try {
      res = await fetch(url.pathname + url.search, { headers: { Accept: 'application/json' } });
    } catch (e) {
      throw new ApiError(errText(e));
    }
    if (!res.ok) {
      let detail = `${res.status} ${res.statusText}`;
      try {
        const body = await res.json();
        if (body && (body.detail || body.title)) detail = body.detail || body.title;
      } catch (_) {
        /* not JSON */
      }
      throw new ApiError(detail);
    }
    try {
      return await res.json();
    } catch (e) {
      throw new ApiError('invalid JSON: ' + errText(e));
    }
  }

  function getDoc(id) {
    if (!docCache.has(id)) {
      const p = api('/api/documents/' + encodeURIComponent(id));
      p.catch(() => docCache.delete(id));
      docCache.set(id, p);
    }
    return docCache.get(id);
  }

  // ---------------------------------------------------------------------------------------
  // Formatting
  // ---------------------------------------------------------------------------------------
  function fmtDate(d) {
    if (!d || !d.start) return t('undated');
    if (d.precision === 'quarter') {
      const q = Math.floor((Number(d.start.slice(5, 7)) - 1) / 3) + 1;
      return `${d.start.slice(0, 4)}-Q${q}`;
    }
    const cut = (x) => (d.precision === 'year' ? x.slice(0, 4) : d.precision === 'month' ? x.slice(0, 7) : x);
    const a = cut(d.start);
    const b = d.end ? cut(d.end) : a;
    if (a === b) return a;
    // 1994-09-25 – 1994-09-28 → 1994-09-25–28
    if (d.precision === 'day' && a.slice(0, 7) === b.slice(0, 7)) return a + '–' + b.slice(8);
    return a + ' – ' + b;
  }

  /** A date as an isolated left-to-right run, so "1994-09-25–28" is not reordered in RTL. */
  function dateEl(d) {
    if (typeof d === 'string') return h('time', { dir: 'ltr', class: 'date-text', text: d });
    return h('time', { datetime: (d && d.start) || null, dir: 'ltr', class: 'date-text', text: fmtDate(d) });
  }

  function nameOf(id, fallback) {
    const n = state.names.get(id);
    if (n) return n[state.lang] || n.en || n.ar || id;
    return fallback || id;
  }

  function countryName(code) {
    return nameOf(code, code);
  }

  /** The actor's name in the current language: `name` may be {ar, en} or an English string. */
  function actorName(actor) {
    const n = actor.name;
    if (n && typeof n === 'object' && (n[state.lang] || n.en || n.ar)) return n[state.lang] || n.en || n.ar;
    if (actor.entity && state.names.has(actor.entity)) return nameOf(actor.entity);
    if (typeof n === 'string' && n) return n;
    return countryName(actor.country || actor.actor);
  }

  function actorLabel(actor) {
    if (!actor) return h('span', { class: 'actor' }, '?');
    const main = actorName(actor);
    return h(
      'span',
      { class: 'actor' },
      h('span', { class: 'actor-name', text: main }),
      ' ',
      h('bdi', { class: 'code', text: actor.actor || actor.country || '' })
    );
  }

  function cameoLabel(ev) {
    if (state.lang === 'ar') {
      const ar = I18N.ar.cameo[ev.code] || I18N.ar.cameo[String(ev.code || '').slice(0, 2)];
      if (ar) return ar;
    }
    return ev.description || ev.code;
  }

  function basename(src) {
    if (!src) return '';
    const parts = String(src).split(/[\\/]/).filter(Boolean);
    return parts.length ? parts[parts.length - 1] : String(src);
  }

  function docTitle(doc) {
    return doc.title || basename(doc.source) || doc.id;
  }

  function goldstein(g) {
    if (g === null || g === undefined || Number.isNaN(g)) return '—';
    return (g > 0 ? '+' : g < 0 ? '−' : '') + num(Math.abs(g), 1);
  }

  function excerpt(text, n) {
    const cps = Array.from(text || '');
    return cps.length > n ? cps.slice(0, n).join('') + '…' : cps.join('');
  }

  function textDir(lang) {
    return lang === 'ar' || lang === 'fa' || lang === 'ur' ? 'rtl' : lang ? 'ltr' : 'auto';
  }

  function safeUrl(u) {
    try {
      const url = new URL(u);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch (_) {
      return null;
    }
  }

  /** Text with code-point ranges wrapped in <mark>. ranges: [[start, end, attrs]] */
  function marked(text, ranges) {
    const cps = Array.from(text || '');
    const frag = document.createDocumentFragment();
    const rs = ranges
      .map(([a, b, attrs]) => [Math.max(0, Math.min(a, cps.length)), Math.max(0, Math.min(b, cps.length)), attrs])
      .filter(([a, b]) => b > a)
      .sort((x, y) => x[0] - y[0]);
    let pos = 0;
    for (const [a, b, attrs] of rs) {
      if (a < pos) continue; // overlapping: keep the first
      if (a > pos) frag.appendChild(document.createTextNode(cps.slice(pos, a).join('')));
      frag.appendChild(h('mark', attrs || {}, cps.slice(a, b).join('')));
      pos = b;
    }
    if (pos < cps.length) frag.appendChild(document.createTextNode(cps.slice(pos).join('')));
    return frag;
  }

  // ---------------------------------------------------------------------------------------
  // Static strings and language
  // ---------------------------------------------------------------------------------------
  function applyLang() {
    const root = document.documentElement;
    root.lang = state.lang;
    root.dir = state.lang === 'ar' ? 'rtl' : 'ltr';
    document.title = state.lang === 'ar' ? 'علاقات · alaqat' : 'alaqat · علاقات';
    for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
    for (const el of document.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
    for (const el of document.querySelectorAll('[data-i18n-aria-label]')) el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel));
    const toggle = $('lang-toggle');
    toggle.textContent = t('toggle');
    toggle.lang = state.lang === 'ar' ? 'en' : 'ar';
    toggle.setAttribute('aria-pressed', state.lang === 'en' ? 'true' : 'false');
  }

  function setLang(lang) {
    state.lang = lang;
    try {
      window.localStorage.setItem(LANG_KEY, lang);
    } catch (_) {
      /* ignore */
    }
    applyLang();
    renderAll();
  }

  function renderAll() {
    renderDyadSelect();
    renderStats();
    renderTimeline();
    renderLegend();
    renderEvents();
    renderNetwork();
    renderConflicts();
    renderCommitments();
    renderSearch();
    renderArticle(false);
  }

  // ---------------------------------------------------------------------------------------
  // Stats
  // ---------------------------------------------------------------------------------------
  function renderStats() {
    const el = clear($('stats'));
    if (state.statsError) {
      el.appendChild(errorMessage(state.statsError));
      return;
    }
    const st = state.stats;
    if (!st) return;
    const langs = st.languages || {};
    const items = [
      [t('statDocuments'), st.documents],
      [t('statArabic'), langs.ar || 0],
      [t('statEnglish'), langs.en || 0],
      [t('statEvents'), st.events],
      [t('statFused'), st.fused_events],
      [t('statEntities'), st.entities],
      [t('statConflicts'), st.conflicts],
      [t('statCommitments'), st.commitments],
    ];
    if (state.dyad) items.push([t('statDyad'), state.dyad.events]);
    for (const [label, value] of items) {
      if (value === undefined || value === null) continue;
      el.appendChild(h('span', { class: 'stat' }, h('span', { class: 'stat-label', text: label }), ' ', h('b', { text: num(value) })));
    }
  }

  // ---------------------------------------------------------------------------------------
  // Dyad picker
  // ---------------------------------------------------------------------------------------
  function dyadKey(d) {
    return d.a + ',' + d.b;
  }

  function dyadLabel(d) {
    const an = (d.a_name && (d.a_name[state.lang] || d.a_name.en)) || d.a;
    const bn = (d.b_name && (d.b_name[state.lang] || d.b_name.en)) || d.b;
    return `${an} – ${bn} (${num(d.events)})`;
  }

  function renderDyadSelect() {
    const sel = $('dyad-select');
    if (!state.dyads.length) return;
    clear(sel);
    for (const d of state.dyads) {
      sel.appendChild(h('option', { value: dyadKey(d), text: dyadLabel(d), 'data-a': d.a, 'data-b': d.b }));
    }
    sel.disabled = false;
    if (state.dyad) sel.value = dyadKey(state.dyad);
  }

  function findDyad(spec) {
    if (!spec) return null;
    const parts = spec.split(',').map((x) => x.trim().toUpperCase());
    if (parts.length !== 2) return null;
    return state.dyads.find((d) => (d.a === parts[0] && d.b === parts[1]) || (d.a === parts[1] && d.b === parts[0])) || null;
  }

  function rememberNames() {
    for (const d of state.dyads) {
      if (d.a_name) state.names.set(d.a, d.a_name);
      if (d.b_name) state.names.set(d.b, d.b_name);
    }
  }

  async function selectDyad(d, pushUrl) {
    state.dyad = d;
    state.monthFilter = null;
    state.selectedEvent = null;
    if (pushUrl) {
      const url = new URL(window.location.href);
      url.searchParams.set('dyad', dyadKey(d));
      window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    }
    renderDyadSelect();
    renderStats();
    await loadDyad();
  }

  async function loadDyad() {
    const d = state.dyad;
    if (!d) return;
    const seq = ++state.seq;
    state.timeline = null;
    state.timelineError = null;
    state.network = null;
    state.networkError = null;
    setLoading(true);
    renderTimeline();
    renderEvents();
    renderNetwork();
    renderConflicts();
    renderCommitments();
    const [tl, nw] = await Promise.allSettled([
      api('/api/timeline', { a: d.a, b: d.b, all: state.showAll ? 'true' : 'false' }),
      api('/api/network', { dyad: dyadKey(d) }),
    ]);
    if (seq !== state.seq) return; // a newer dyad was picked meanwhile
    if (tl.status === 'fulfilled') state.timeline = tl.value;
    else state.timelineError = tl.reason;
    if (nw.status === 'fulfilled') {
      state.network = nw.value;
      for (const n of nw.value.nodes || []) if (n.name) state.names.set(n.id, n.name);
    } else state.networkError = nw.reason;
    setLoading(false);
    renderTimeline();
    renderEvents();
    renderNetwork();
  }

  function setLoading(on) {
    document.querySelector('main').setAttribute('aria-busy', on ? 'true' : 'false');
  }

  // ---------------------------------------------------------------------------------------
  // Timeline chart: stacked monthly bars by QuadClass + mean Goldstein line (second axis)
  // ---------------------------------------------------------------------------------------
  function monthIndex(m) {
    const [y, mo] = m.split('-').map(Number);
    return y * 12 + (mo - 1);
  }

  function renderLegend() {
    const ul = clear($('timeline-legend'));
    for (const q of [1, 2, 3, 4]) {
      ul.appendChild(h('li', {}, h('span', { class: 'swatch q' + q, 'aria-hidden': 'true' }), sub('quad', q, 'Quad ' + q)));
    }
    ul.appendChild(h('li', {}, h('span', { class: 'swatch gline', 'aria-hidden': 'true' }), t('goldsteinLine')));
  }

  function renderTimeline() {
    const box = clear($('timeline-chart'));
    if (state.timelineError) {
      box.appendChild(errorMessage(state.timelineError));
      return;
    }
    if (!state.timeline) {
      if (state.dyad) box.appendChild(message(t('loading'), 'loading'));
      return;
    }
    const months = (state.timeline.months || []).filter((m) => m && m.month);
    if (!months.length) {
      box.appendChild(message(t('noMonths')));
      return;
    }
    const W = Math.max(280, Math.floor(box.clientWidth || 600));
    const H = W < 500 ? 210 : 220;
    const m = { l: 34, r: 40, t: 22, b: 40 };
    const pw = W - m.l - m.r;
    const ph = H - m.t - m.b;
    const n = months.length;
    const band = pw / n;
    const bw = Math.max(3, Math.min(band * 0.7, 46));
    const stackOf = (mo) => (mo.quad || []).reduce((a, b) => a + (b || 0), 0);
    const maxStack = Math.max(1, ...months.map(stackOf));
    const step = Math.max(1, Math.ceil(maxStack / 4));
    const yMax = step * Math.ceil(maxStack / step);
    const y = (v) => m.t + ph - (v / yMax) * ph;
    const yg = (g) => m.t + ph - ((g + 10) / 20) * ph;
    const cx = (i) => m.l + band * i + band / 2;

    const svg = s('svg', {
      width: W,
      height: H,
      viewBox: `0 0 ${W} ${H}`,
      role: 'img',
      'aria-label': t('timeline'),
      class: 'timeline-svg',
    });
    // grid and left axis (counts)
    const axis = s('g', { class: 'axis' });
    for (let v = 0; v <= yMax; v += step) {
      axis.appendChild(s('line', { x1: m.l, x2: W - m.r, y1: y(v), y2: y(v), class: 'grid' }));
      axis.appendChild(s('text', { x: m.l - 6, y: y(v) + 4, 'text-anchor': 'end', text: num(v) }));
    }
    // right axis (Goldstein)
    for (const g of [-10, -5, 0, 5, 10]) {
      axis.appendChild(
        s('text', { x: W - m.r + 6, y: yg(g) + 4, 'text-anchor': 'start', class: 'g-tick', text: (g > 0 ? '+' : g < 0 ? '−' : '') + Math.abs(g) })
      );
    }
    axis.appendChild(s('line', { x1: m.l, x2: W - m.r, y1: yg(0), y2: yg(0), class: 'zero' }));
    axis.appendChild(s('text', { x: 4, y: 11, class: 'axis-title', 'text-anchor': 'start', text: t('countAxis') }));
    svg.appendChild(axis);

    // gaps between non-adjacent months
    for (let i = 1; i < n; i++) {
      const gap = monthIndex(months[i].month) - monthIndex(months[i - 1].month) - 1;
      if (gap > 0) {
        const x = m.l + band * i;
        svg.appendChild(s('line', { x1: x, x2: x, y1: m.t, y2: m.t + ph, class: 'gap' }, s('title', { text: t('gapTitle', gap) })));
      }
    }

    // bars
    // Labels: "1994-09" under each bar when there is room; else the month number, with the year
    // on a second line where it changes, thinned to what fits.
    const full = band >= 56;
    const every = full ? 1 : Math.max(1, Math.ceil(24 / band));
    let lastYear = null;
    months.forEach((mo, i) => {
      const total = stackOf(mo);
      const g = s('g', {
        class: 'month' + (state.monthFilter === mo.month ? ' active' : ''),
        'data-testid': 'timeline-month',
        'data-month': mo.month,
        'data-events': total,
        tabindex: 0,
        role: 'button',
        'aria-pressed': state.monthFilter === mo.month ? 'true' : 'false',
        'aria-label': t('monthTitle', mo.month, num(total), goldstein(mo.goldstein)),
        onclick: () => toggleMonth(mo.month),
        onkeydown: (e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            toggleMonth(mo.month);
          }
        },
      });
      g.appendChild(s('title', { text: t('monthTitle', mo.month, num(total), goldstein(mo.goldstein)) }));
      // a transparent hit area over the whole band
      g.appendChild(s('rect', { x: m.l + band * i, y: m.t, width: band, height: ph, class: 'hit' }));
      let acc = 0;
      (mo.quad || []).forEach((c, qi) => {
        if (!c) return;
        g.appendChild(s('rect', { x: cx(i) - bw / 2, y: y(acc + c), width: bw, height: y(acc) - y(acc + c), class: 'bar q' + (qi + 1) }));
        acc += c;
      });
      svg.appendChild(g);
      if (full) {
        svg.appendChild(s('text', { x: cx(i), y: H - m.b + 16, 'text-anchor': 'middle', class: 'x-label', text: mo.month }));
      } else if (i % every === 0) {
        const [yr, mm] = mo.month.split('-');
        svg.appendChild(s('text', { x: cx(i), y: H - m.b + 15, 'text-anchor': 'middle', class: 'x-label', text: mm }));
        if (yr !== lastYear) {
          svg.appendChild(s('text', { x: cx(i), y: H - m.b + 29, 'text-anchor': 'middle', class: 'x-year', text: yr }));
          lastYear = yr;
        }
      }
    });
    // Goldstein line
    const pts = months.map((mo, i) => (typeof mo.goldstein === 'number' ? [cx(i), yg(mo.goldstein)] : null)).filter(Boolean);
    if (pts.length) {
      svg.appendChild(s('polyline', { points: pts.map((p) => p.join(',')).join(' '), class: 'gline', fill: 'none' }));
      months.forEach((mo, i) => {
        if (typeof mo.goldstein !== 'number') return;
        svg.appendChild(s('circle', { cx: cx(i), cy: yg(mo.goldstein), r: 3.5, class: 'gdot' }, s('title', { text: 'Goldstein ' + goldstein(mo.goldstein) })));
      });
    }
    box.appendChild(svg);
  }

  function toggleMonth(month) {
    state.monthFilter = state.monthFilter === month ? null : month;
    renderTimeline();
    renderEvents();
  }

  // ---------------------------------------------------------------------------------------
  // Event table
  // ---------------------------------------------------------------------------------------
  function eventMonth(ev) {
    return ev.date && ev.date.start ? ev.date.start.slice(0, 7) : null;
  }

  function renderEvents() {
    const body = clear($('event-rows'));
    const msg = $('events-msg');
    const table = document.querySelector('[data-testid="event-table"]');
    msg.hidden = true;
    clear(msg);
    table.removeAttribute('data-dyad');
    const chip = clear($('month-filter'));
    chip.hidden = !state.monthFilter;
    if (state.monthFilter) {
      chip.appendChild(h('span', { text: t('monthFilter', state.monthFilter) }));
      chip.appendChild(
        h('button', { type: 'button', class: 'chip-x', 'aria-label': t('clearFilter'), title: t('clearFilter'), onclick: () => toggleMonth(state.monthFilter) }, '×')
      );
    }
    if (state.timelineError) {
      msg.hidden = false;
      msg.appendChild(errorMessage(state.timelineError));
      return;
    }
    if (!state.timeline) {
      if (state.dyad) {
        msg.hidden = false;
        msg.textContent = t('loading');
      }
      return;
    }
    let events = state.timeline.events || [];
    if (state.monthFilter) events = events.filter((ev) => eventMonth(ev) === state.monthFilter);
    table.setAttribute('data-dyad', dyadKey(state.dyad));
    if (!events.length) {
      msg.hidden = false;
      msg.textContent = t('noEvents');
      return;
    }
    for (const ev of events) body.appendChild(eventRow(ev));
  }

  function eventRow(ev) {
    const open = () => openEvent(ev);
    const tr = h('tr', {
      class: 'event-row' + (state.selectedEvent === ev.id ? ' selected' : ''),
      tabindex: 0,
      'data-testid': 'event-row',
      'data-event-id': ev.id,
      'data-date': ev.date && ev.date.start ? ev.date.start : '',
      'data-code': ev.code,
      'aria-current': state.selectedEvent === ev.id ? 'true' : null,
      onclick: open,
      onkeydown: (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          open();
        }
      },
    });
    const modality = ev.modality && ev.modality !== 'asserted' ? h('span', { class: 'badge modality', text: sub('modality', ev.modality, ev.modality) }) : null;
    const planned = ev.planned && !modality ? h('span', { class: 'badge modality', text: t('planned') }) : null;
    tr.appendChild(h('td', { class: 'date' }, dateEl(ev.date), modality, planned));
    tr.appendChild(
      h(
        'td',
        { class: 'code-cell' },
        h('span', { class: 'quad-dot q' + (ev.quad || 0), title: sub('quad', ev.quad, '') }),
        h('bdi', { class: 'code', text: ev.code }),
        ' ',
        h('span', { class: 'desc', text: cameoLabel(ev), title: ev.description || '' })
      )
    );
    tr.appendChild(h('td', { class: 'actors' }, actorLabel(ev.source), h('span', { class: 'arrow', text: ' ' + t('arrow') + ' ' }), actorLabel(ev.target)));
    tr.appendChild(h('td', { class: 'num g ' + (ev.goldstein > 0 ? 'pos' : ev.goldstein < 0 ? 'neg' : '') }, h('bdi', { text: goldstein(ev.goldstein) })));
    tr.appendChild(h('td', { class: 'num', text: num(ev.sources || 1) }));
    const evText = (ev.evidence && ev.evidence.text) || '';
    tr.appendChild(h('td', { class: 'evidence' }, h('span', { dir: 'auto', text: excerpt(evText, 110), title: evText })));
    return tr;
  }

  function openEvent(ev) {
    state.selectedEvent = ev.id;
    for (const tr of document.querySelectorAll('[data-testid="event-row"]')) {
      const on = tr.dataset.eventId === ev.id;
      tr.classList.toggle('selected', on);
      if (on) tr.setAttribute('aria-current', 'true');
      else tr.removeAttribute('aria-current');
    }
    if (!ev.evidence || !ev.evidence.document) return;
    openArticle({ kind: 'event', doc: ev.evidence.document, start: ev.evidence.start, end: ev.evidence.end, event: ev });
  }

  // ---------------------------------------------------------------------------------------
  // Article view
  // ---------------------------------------------------------------------------------------
  async function openArticle(req) {
    state.article = { req, doc: null, error: null };
    renderArticle(false);
    try {
      const doc = await getDoc(req.doc);
      if (state.article.req !== req) return;
      state.article.doc = doc;
    } catch (e) {
      if (state.article.req !== req) return;
      state.article.error = e;
    }
    renderArticle(true);
  }

  function renderArticle(scroll) {
    const old = document.querySelector('#article-body .article-text');
    const keepScroll = old && !scroll ? old.scrollTop : 0;
    const body = clear($('article-body'));
    const panel = $('article-panel');
    const closeBtn = $('article-close');
    const a = state.article;
    closeBtn.hidden = !a;
    panel.classList.toggle('open', !!a);
    if (!a) {
      body.appendChild(message(t('articleEmpty')));
      return;
    }
    if (a.error) {
      body.appendChild(errorMessage(a.error));
      return;
    }
    if (!a.doc) {
      body.appendChild(message(t('loading'), 'loading'));
      return;
    }
    const doc = a.doc;
    const req = a.req;
    const dir = textDir(doc.lang);
    body.appendChild(h('h3', { class: 'article-title', dir: 'auto', lang: doc.lang || null, text: docTitle(doc) }));
    const meta = h('dl', { class: 'meta' });
    const addMeta = (k, ...v) => {
      meta.appendChild(h('div', {}, h('dt', { text: k }), h('dd', {}, ...v)));
    };
    const url = doc.url ? safeUrl(doc.url) : null;
    addMeta(t('source'), url ? h('a', { href: url, rel: 'noopener noreferrer', target: '_blank', dir: 'ltr', text: doc.source || url }) : h('bdi', { dir: 'ltr', text: doc.source || doc.id }));
    if (doc.published) {
      addMeta(t('published'), dateEl(doc.published), doc.published.inferred ? h('span', { class: 'badge', text: t('inferred') }) : null);
    }
    if (doc.lang) addMeta(t('language'), sub('langNames', doc.lang, doc.lang));
    body.appendChild(meta);

    if (req.kind === 'event' && req.event) {
      const ev = req.event;
      body.appendChild(
        h(
          'p',
          { class: 'article-event' },
          h('bdi', { class: 'code', text: ev.code }),
          ' ',
          cameoLabel(ev),
          ' · ',
          actorLabel(ev.source),
          ' ' + t('arrow') + ' ',
          actorLabel(ev.target),
          ' · ',
          dateEl(ev.date)
        )
      );
      const others = (ev.members || []).filter((mb) => mb.document !== doc.id || mb.event !== eventIdIn(doc, req));
      const docsSeen = new Set([doc.id]);
      const buttons = [];
      others.forEach((mb) => {
        if (docsSeen.has(mb.document)) return;
        docsSeen.add(mb.document);
        buttons.push(
          h('button', { type: 'button', class: 'link', 'data-testid': 'other-report', onclick: () => openMember(ev, mb), text: t('report', num(buttons.length + 2)) })
        );
      });
      if (buttons.length) body.appendChild(h('p', { class: 'others' }, t('otherReports') + ': ', buttons));
    }

    const label = req.kind === 'event' ? t('evidenceOf') : req.kind === 'hit' ? t('searchHit') : req.kind === 'claim' ? t('claimEvidence') : t('commitmentEvidence');
    const markAttrs = {
      'data-testid': req.kind === 'hit' ? 'hit-mark' : 'evidence-mark',
      class: req.kind === 'hit' ? 'hit' : 'evidence',
      title: label,
      tabindex: '-1',
    };
    const ranges = [];
    if (typeof req.start === 'number' && typeof req.end === 'number' && req.end > req.start) ranges.push([req.start, req.end, markAttrs]);
    const textEl = h('div', { class: 'article-text', dir, lang: doc.lang || null, 'data-testid': 'article-text' });
    textEl.appendChild(marked(doc.text || '', ranges));
    body.appendChild(textEl);
    if (scroll) requestAnimationFrame(() => revealMark(panel, textEl));
    else if (keepScroll) textEl.scrollTop = keepScroll; // re-rendered (language switch): stay put
  }

  /** Shows the mark: first inside the article's own scroll box (a few lines of context above
   * it), then, only when it is still outside the window, by scrolling the window. */
  function revealMark(panel, textEl) {
    const mark = textEl.querySelector('mark');
    if (!mark) {
      const r = panel.getBoundingClientRect();
      if (r.top < 0 || r.top > window.innerHeight) panel.scrollIntoView({ block: 'start', behavior: 'instant' });
      return;
    }
    if (textEl.scrollHeight > textEl.clientHeight + 1) {
      // two lines of context above the mark, the box's top edge on a line boundary
      const cs = getComputedStyle(textEl);
      const lh = parseFloat(cs.lineHeight) || 28;
      const pad = parseFloat(cs.paddingTop) || 0;
      const markTop = mark.getBoundingClientRect().top - textEl.getBoundingClientRect().top + textEl.scrollTop - pad;
      const line = Math.max(0, Math.round(markTop / lh) - 2);
      textEl.scrollTop = line === 0 ? 0 : pad + line * lh;
    }
    const r = mark.getBoundingClientRect();
    if (r.top < 0 || r.bottom > window.innerHeight) {
      window.scrollBy({ top: r.top - window.innerHeight / 3, behavior: 'instant' });
    }
  }

  function eventIdIn(doc, req) {
    const ev = (doc.events || []).find((e) => e.evidence && e.evidence.start === req.start && e.evidence.end === req.end);
    return ev ? ev.id : null;
  }

  async function openMember(fused, member) {
    try {
      const doc = await getDoc(member.document);
      const ev = (doc.events || []).find((e) => e.id === member.event);
      const ev2 = ev && ev.evidence ? ev.evidence : {};
      openArticle({ kind: 'event', doc: member.document, start: ev2.start, end: ev2.end, event: fused });
    } catch (e) {
      state.article = { req: { kind: 'event', doc: member.document }, doc: null, error: e };
      renderArticle(false);
    }
  }

  // ---------------------------------------------------------------------------------------
  // Actor network: force-directed layout, computed once per data set and size
  // ---------------------------------------------------------------------------------------
  function layoutNetwork(nodes, edges, W, H) {
    const n = nodes.length;
    const idx = new Map(nodes.map((nd, i) => [nd.id, i]));
    const pos = nodes.map((_, i) => ({
      x: W / 2 + Math.cos((2 * Math.PI * i) / n) * W * 0.3,
      y: H / 2 + Math.sin((2 * Math.PI * i) / n) * H * 0.3,
    }));
    if (n <= 1) return pos.map(() => ({ x: W / 2, y: H / 2 }));
    const k = Math.sqrt((W * H) / n) * 0.55;
    const es = edges.map((e) => [idx.get(e.source), idx.get(e.target), e.weight || 1]).filter(([a, b]) => a !== undefined && b !== undefined && a !== b);
    let temp = Math.min(W, H) / 6;
    for (let it = 0; it < 300; it++) {
      const dx = new Float64Array(n);
      const dy = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          let ox = pos[i].x - pos[j].x;
          let oy = pos[i].y - pos[j].y;
          let d = Math.hypot(ox, oy);
          if (d < 0.01) {
            ox = 0.01 * (i - j);
            oy = 0.01;
            d = Math.hypot(ox, oy);
          }
          const f = (k * k) / d;
          dx[i] += (ox / d) * f;
          dy[i] += (oy / d) * f;
          dx[j] -= (ox / d) * f;
          dy[j] -= (oy / d) * f;
        }
      }
      for (const [a, b, w] of es) {
        const ox = pos[a].x - pos[b].x;
        const oy = pos[a].y - pos[b].y;
        const d = Math.max(0.01, Math.hypot(ox, oy));
        const f = ((d * d) / k) * (1 + Math.log(w) * 0.3);
        dx[a] -= (ox / d) * f;
        dy[a] -= (oy / d) * f;
        dx[b] += (ox / d) * f;
        dy[b] += (oy / d) * f;
      }
      for (let i = 0; i < n; i++) {
        dx[i] -= (pos[i].x - W / 2) * 0.08 * (k / 50);
        dy[i] -= (pos[i].y - H / 2) * 0.08 * (k / 50);
        const d = Math.hypot(dx[i], dy[i]);
        if (d > 0) {
          const lim = Math.min(d, temp);
          pos[i].x += (dx[i] / d) * lim;
          pos[i].y += (dy[i] / d) * lim;
        }
      }
      temp *= 0.975;
    }
    // fit into the box, leaving room for labels
    const xs = pos.map((p) => p.x);
    const ys = pos.map((p) => p.y);
    const minX = Math.min(...xs);
    const maxX = Math.max(...xs);
    const minY = Math.min(...ys);
    const maxY = Math.max(...ys);
    const mx = Math.min(90, W * 0.18);
    const my = 28;
    const sx = maxX > minX ? (W - 2 * mx) / (maxX - minX) : 1;
    const sy = maxY > minY ? (H - 2 * my) / (maxY - minY) : 1;
    return pos.map((p) => ({
      x: maxX > minX ? mx + (p.x - minX) * sx : W / 2,
      y: maxY > minY ? my + (p.y - minY) * sy : H / 2,
    }));
  }

  let networkLayoutCache = null;

  function renderNetwork() {
    const box = clear($('network'));
    if (state.networkError) {
      box.appendChild(errorMessage(state.networkError));
      return;
    }
    const net = state.network;
    if (!net) {
      if (state.dyad) box.appendChild(message(t('loading'), 'loading'));
      return;
    }
    const nodes = (net.nodes || []).slice().sort((a, b) => String(a.country).localeCompare(String(b.country)) || String(a.id).localeCompare(String(b.id)));
    const edges = net.edges || [];
    if (!nodes.length) {
      box.appendChild(message(t('noNetwork')));
      return;
    }
    const W = Math.max(280, Math.floor(box.clientWidth || 500));
    const H = W < 500 ? 320 : 380;
    const key = net;
    let pos;
    if (networkLayoutCache && networkLayoutCache.key === key && networkLayoutCache.W === W && networkLayoutCache.H === H) pos = networkLayoutCache.pos;
    else {
      pos = layoutNetwork(nodes, edges, W, H);
      networkLayoutCache = { key, W, H, pos };
    }
    const at = new Map(nodes.map((nd, i) => [nd.id, pos[i]]));
    const strength = new Map();
    for (const e of edges) {
      strength.set(e.source, (strength.get(e.source) || 0) + (e.weight || 1));
      strength.set(e.target, (strength.get(e.target) || 0) + (e.weight || 1));
    }
    const d = state.dyad || {};
    const colorClass = (c) => (c === d.a ? 'ca' : c === d.b ? 'cb' : 'cother');
    const svg = s('svg', { width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': t('network'), class: 'network-svg' });
    const gEdges = s('g', { class: 'edges' });
    const maxW = Math.max(1, ...edges.map((e) => e.weight || 1));
    for (const e of edges) {
      const p = at.get(e.source);
      const q = at.get(e.target);
      if (!p || !q) continue;
      const w = e.weight || 1;
      gEdges.appendChild(
        s(
          'line',
          {
            x1: p.x,
            y1: p.y,
            x2: q.x,
            y2: q.y,
            class: 'edge',
            'data-testid': 'network-edge',
            'data-source': e.source,
            'data-target': e.target,
            'data-weight': w,
            'stroke-width': (1 + (5 * w) / maxW).toFixed(2),
          },
          s('title', { text: t('edgeTitle', nameOf(e.source), nameOf(e.target), num(w)) })
        )
      );
    }
    svg.appendChild(gEdges);
    const gNodes = s('g', { class: 'nodes' });
    nodes.forEach((nd, i) => {
      const p = pos[i];
      const r = 5 + 2.2 * Math.sqrt(strength.get(nd.id) || 0);
      const name = (nd.name && (nd.name[state.lang] || nd.name.en || nd.name.ar)) || nd.id;
      const g = s('g', {
        class: 'node ' + colorClass(nd.country) + (nd.kind === 'person' ? ' person' : ' state'),
        'data-testid': 'network-node',
        'data-id': nd.id,
        transform: `translate(${p.x.toFixed(1)},${p.y.toFixed(1)})`,
        onmouseenter: () => highlightNode(svg, nd.id, true),
        onmouseleave: () => highlightNode(svg, nd.id, false),
      });
      g.appendChild(s('title', { text: `${name} (${nd.country || ''}) · ${t('eventsCount', num(strength.get(nd.id) || 0))}` }));
      if (nd.kind === 'person') g.appendChild(s('circle', { r: r.toFixed(1) }));
      else g.appendChild(s('rect', { x: -r, y: -r, width: 2 * r, height: 2 * r, rx: 3 }));
      g.appendChild(s('text', { y: r + 13, 'text-anchor': 'middle', text: name }));
      gNodes.appendChild(g);
    });
    svg.appendChild(gNodes);
    box.appendChild(svg);
  }

  function highlightNode(svg, id, on) {
    svg.classList.toggle('focus', on);
    for (const e of svg.querySelectorAll('.edge')) {
      e.classList.toggle('lit', on && (e.dataset.source === id || e.dataset.target === id));
    }
  }

  // ---------------------------------------------------------------------------------------
  // Conflicts and commitments (global lists, filtered to the dyad unless "all dyads")
  // ---------------------------------------------------------------------------------------
  function inDyad(parties) {
    if (!state.dyad) return true;
    const ps = parties || [];
    return ps.length > 0 && ps.every((p) => p === state.dyad.a || p === state.dyad.b);
  }

  function partiesLabel(parties) {
    return (parties || []).map((p) => countryName(p)).join(' – ');
  }

  async function openClaim(docRef, kind, value) {
    try {
      const doc = await getDoc(docRef.id);
      const claim = (doc.claims || []).find((c) => c.kind === kind && String(c.value) === String(value)) || (doc.claims || []).find((c) => c.kind === kind);
      const ev = claim && claim.evidence ? claim.evidence : {};
      openArticle({ kind: 'claim', doc: docRef.id, start: ev.start, end: ev.end });
    } catch (e) {
      state.article = { req: { kind: 'claim', doc: docRef.id }, doc: null, error: e };
      renderArticle(false);
    }
  }

  function docButton(docRef, onclick) {
    return h('button', { type: 'button', class: 'link doc-link', dir: 'ltr', title: docRef.source || docRef.id, onclick, text: basename(docRef.source) || docRef.id });
  }

  function renderConflicts() {
    const box = clear($('conflicts-body'));
    if (state.conflictsError) {
      box.appendChild(errorMessage(state.conflictsError));
      return;
    }
    if (!state.conflicts) {
      box.appendChild(message(t('loading'), 'loading'));
      return;
    }
    const all = $('conflicts-all').checked;
    const list = state.conflicts.filter((c) => all || inDyad(c.parties));
    if (!list.length) {
      box.appendChild(message(t('noConflicts')));
      return;
    }
    const ul = h('ul', { class: 'cards' });
    for (const c of list) {
      const li = h('li', { class: 'card', 'data-testid': 'conflict' });
      li.appendChild(h('h3', {}, sub('claimKinds', c.kind, String(c.kind || '').replace(/_/g, ' ')), h('span', { class: 'parties', text: ' · ' + partiesLabel(c.parties) })));
      const vals = h('ul', { class: 'values' });
      for (const v of c.values || []) {
        const docs = (v.documents || []).map((d) => (typeof d === 'string' ? { id: d, source: d } : d));
        vals.appendChild(
          h(
            'li',
            {},
            h('bdi', { class: 'value', text: String(v.value) }),
            ' ',
            h('span', { class: 'docs' }, docs.map((d) => docButton(d, () => openClaim(d, c.kind, v.value))))
          )
        );
      }
      li.appendChild(vals);
      ul.appendChild(li);
    }
    box.appendChild(ul);
  }

  function renderCommitments() {
    const box = clear($('commitments-body'));
    if (state.commitmentsError) {
      box.appendChild(errorMessage(state.commitmentsError));
      return;
    }
    if (!state.commitments) {
      box.appendChild(message(t('loading'), 'loading'));
      return;
    }
    const all = $('commitments-all').checked;
    const list = state.commitments.filter((c) => all || inDyad(c.parties));
    if (!list.length) {
      box.appendChild(message(t('noCommitments')));
      return;
    }
    const ul = h('ul', { class: 'cards' });
    for (const c of list) {
      const status = c.status || 'pending';
      const li = h('li', { class: 'card commitment', 'data-testid': 'commitment', 'data-status': status });
      li.appendChild(
        h(
          'div',
          { class: 'card-head' },
          h('span', { class: 'badge status status-' + status, 'data-testid': 'commitment-status', text: sub('status', status, status) }),
          h('span', { class: 'parties', text: partiesLabel(c.parties) })
        )
      );
      li.appendChild(h('p', { class: 'what', dir: 'auto', text: c.what || (c.evidence && c.evidence.text) || '' }));
      const meta = h('p', { class: 'card-meta' });
      meta.appendChild(h('span', {}, t('due') + ': ', c.due ? dateEl(c.due) : t('noDue')));
      if (c.fulfilled_by) {
        meta.appendChild(document.createTextNode(' · '));
        meta.appendChild(h('span', {}, t('fulfilledBy') + ' ', h('bdi', { class: 'code', text: c.fulfilled_by })));
      }
      if (c.document) {
        meta.appendChild(document.createTextNode(' · '));
        const ev = c.evidence || {};
        meta.appendChild(docButton(c.document, () => openArticle({ kind: 'commitment', doc: c.document.id, start: ev.start, end: ev.end })));
      }
      li.appendChild(meta);
      ul.appendChild(li);
    }
    box.appendChild(ul);
  }

  // ---------------------------------------------------------------------------------------
  // Search
  // ---------------------------------------------------------------------------------------
  async function runSearch(q, more) {
    const dyad = $('search-dyad').checked && state.dyad ? dyadKey(state.dyad) : null;
    const offset = more && state.search ? state.search.items.length : 0;
    if (!more) state.search = { q, dyad, items: [], total: 0, error: null, loading: true };
    else state.search.loading = true;
    const cur = state.search;
    renderSearch();
    try {
      const res = await api('/api/search', { q, dyad, limit: 20, offset });
      if (state.search !== cur) return;
      cur.items = cur.items.concat(res.items || []);
      cur.total = typeof res.total === 'number' ? res.total : cur.items.length;
    } catch (e) {
      if (state.search !== cur) return;
      cur.error = e;
    }
    cur.loading = false;
    renderSearch();
  }

  function renderSearch() {
    const ol = clear($('search-results'));
    const msg = $('search-msg');
    const moreBtn = $('search-more');
    moreBtn.hidden = true;
    msg.hidden = true;
    clear(msg);
    const sr = state.search;
    if (!sr) return;
    if (sr.error) {
      msg.hidden = false;
      msg.appendChild(errorMessage(sr.error));
      return;
    }
    if (sr.loading && !sr.items.length) {
      msg.hidden = false;
      msg.textContent = t('loading');
      return;
    }
    msg.hidden = false;
    msg.textContent = sr.total ? t('results', num(sr.total)) : t('noResults');
    for (const it of sr.items) ol.appendChild(searchResult(it));
    moreBtn.hidden = !(sr.items.length < sr.total) || sr.loading;
  }

  function searchResult(it) {
    const hl = (it.highlights || []).map(([a, b]) => [a, b, { 'data-testid': 'search-mark' }]);
    const open = () => {
      const first = (it.highlights || [])[0];
      const base = typeof it.snippet_start === 'number' ? it.snippet_start : null;
      const req = { kind: 'hit', doc: it.document };
      if (first && base !== null) {
        req.start = base + first[0];
        req.end = base + first[1];
      }
      openArticle(req);
    };
    const snippet = h('p', { class: 'snippet', dir: textDir(it.lang), lang: it.lang || null });
    if (typeof it.snippet_start === 'number' && it.snippet_start > 0) snippet.appendChild(document.createTextNode('… '));
    snippet.appendChild(marked(it.snippet || '', hl));
    snippet.appendChild(document.createTextNode(' …'));
    const title = it.title || basename(it.source) || it.document;
    const when = it.published || it.date || null;
    const li = h('li', { class: 'result', 'data-testid': 'search-result', 'data-document': it.document, 'data-kind': it.kind || 'document' });
    li.appendChild(
      h(
        'button',
        { type: 'button', class: 'result-open', onclick: open },
        h('span', { class: 'result-title', dir: 'auto', text: title }),
        h(
          'span',
          { class: 'result-meta' },
          it.kind === 'evidence' ? h('span', { class: 'badge kind', text: t('evidenceHit') }) : null,
          it.lang ? sub('langNames', it.lang, it.lang) : '',
          when ? ' · ' : '',
          when ? dateEl(when) : null
        ),
        snippet
      )
    );
    return li;
  }

  // ---------------------------------------------------------------------------------------
  // Start
  // ---------------------------------------------------------------------------------------
  function wire() {
    $('lang-toggle').addEventListener('click', () => setLang(state.lang === 'ar' ? 'en' : 'ar'));
    $('dyad-select').addEventListener('change', (e) => {
      const d = findDyad(e.target.value);
      if (d) selectDyad(d, true);
    });
    $('show-all').addEventListener('change', (e) => {
      state.showAll = e.target.checked;
      loadDyad();
    });
    $('conflicts-all').addEventListener('change', renderConflicts);
    $('commitments-all').addEventListener('change', renderCommitments);
    $('search-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const q = $('search-input').value.trim();
      if (q) runSearch(q, false);
    });
    $('search-more').addEventListener('click', () => {
      if (state.search) runSearch(state.search.q, true);
    });
    $('article-close').addEventListener('click', () => {
      state.article = null;
      state.selectedEvent = null;
      for (const tr of document.querySelectorAll('.event-row.selected')) tr.classList.remove('selected');
      renderArticle(false);
    });
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && state.article) $('article-close').click();
    });
    let pending = false;
    let lastW = window.innerWidth;
    window.addEventListener('resize', () => {
      if (pending || window.innerWidth === lastW) return;
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        lastW = window.innerWidth;
        renderTimeline();
        renderNetwork();
      });
    });
  }

  async function start() {
    applyLang();
    renderLegend();
    wire();
    renderArticle(false);
    renderConflicts();
    renderCommitments();
    api('/api/stats')
      .then((st) => {
        state.stats = st;
      })
      .catch((e) => {
        state.statsError = e;
      })
      .finally(renderStats);
    api('/api/conflicts')
      .then((c) => {
        state.conflicts = Array.isArray(c) ? c : c.items || [];
      })
      .catch((e) => {
        state.conflictsError = e;
      })
      .finally(renderConflicts);
    api('/api/commitments')
      .then((c) => {
        state.commitments = Array.isArray(c) ? c : c.items || [];
      })
      .catch((e) => {
        state.commitmentsError = e;
      })
      .finally(renderCommitments);
    let dyads;
    try {
      dyads = await api('/api/dyads');
    } catch (e) {
      const sel = $('dyad-select');
      clear(sel);
      sel.appendChild(h('option', { text: t('error') }));
      $('timeline-chart').appendChild(errorMessage(e));
      return;
    }
    state.dyads = Array.isArray(dyads) ? dyads : dyads.items || [];
    rememberNames();
    if (!state.dyads.length) {
      const sel = clear($('dyad-select'));
      sel.appendChild(h('option', { text: '—' }));
      clear($('timeline-chart')).appendChild(message(t('noDyads')));
      return;
    }
    const wanted = findDyad(params.get('dyad'));
    await selectDyad(wanted || state.dyads[0], false);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
