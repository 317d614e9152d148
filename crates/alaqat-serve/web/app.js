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
      timelineHint: 'الأحداث عبر الزمن حسب الفئة الرباعية: التعاون فوق الصفر والنزاع تحته، والخط متوسط مقياس غولدستين',
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
      periodFilter: 'الفترة',
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
      bucketTitle: (p, n, coop, conf, g) => `${p}: ${n} أحداث (تعاون ${coop}، نزاع ${conf})، متوسط غولدستين ${g}`,
      chartLabel: (a, b, p0, p1, unit) => `الخط الزمني ${a} – ${b}، من ${p0} إلى ${p1}؛ ${unit}، التعاون فوق خط الصفر والنزاع تحته`,
      goldsteinLine: 'متوسط غولدستين (المحور الأيمن، −10 إلى +10، الصفر هو الخط نفسه)',
      coopAbove: 'تعاون، فوق خط الصفر:',
      conflictBelow: 'نزاع، تحت خط الصفر:',
      coopSide: 'تعاون',
      conflictSide: 'نزاع',
      bucketUnit: { month: 'عمود لكل شهر', quarter: 'عمود لكل ربع سنة', year: 'عمود لكل سنة' },
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
        '110': 'إبداء عدم الرضا', '111': 'انتقاد أو إدانة', '112': 'توجيه اتهام', '114': 'تقديم شكوى رسمية',
        '120': 'رفض', '125': 'رفض اقتراح اللقاء أو التفاوض', '130': 'تهديد',
        '1313': 'التهديد بخفض العلاقات أو قطعها', '138': 'التهديد باستخدام القوة العسكرية',
        '140': 'احتجاج', '141': 'تظاهر أو تجمع', '150': 'استعراض القوة العسكرية أو الأمنية',
        '160': 'خفض العلاقات', '161': 'خفض العلاقات الدبلوماسية أو قطعها', '162': 'خفض المساعدات أو وقفها',
        '163': 'فرض حظر أو مقاطعة أو عقوبات', '164': 'وقف المفاوضات', '166': 'طرد أو سحب',
        '170': 'إكراه', '172': 'فرض عقوبات إدارية', '173': 'اعتقال أو احتجاز أو ملاحقة قضائية',
        '180': 'عنف غير تقليدي', '181': 'خطف أو احتجاز رهائن', '183': 'تفجير غير عسكري',
        '190': 'استخدام القوة العسكرية التقليدية', '193': 'قتال بالأسلحة الخفيفة', '194': 'قتال بالمدفعية والدبابات',
        '195': 'ضربات جوية', '200': 'عنف جماعي غير تقليدي',
      },
    },
    en: {
      title: 'alaqat',
      tagline: 'Relations between countries as the news tells them, sentence by sentence',
      toggle: 'العربية',
      dyad: 'Dyad',
      loading: 'Loading…',
      timeline: 'Timeline',
      timelineHint: 'Events over time by QuadClass: cooperation above zero, conflict below; the line is the mean Goldstein score',
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
      periodFilter: 'Period',
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
      bucketTitle: (p, n, coop, conf, g) => `${p}: ${n} event${n === '1' ? '' : 's'} (cooperation ${coop}, conflict ${conf}), mean Goldstein ${g}`,
      chartLabel: (a, b, p0, p1, unit) => `Timeline ${a} – ${b}, ${p0} to ${p1}; ${unit.toLowerCase()}, cooperation above the zero line, conflict below it`,
      goldsteinLine: 'Mean Goldstein (right axis, −10 to +10, zero on the same line)',
      coopAbove: 'Cooperation, above the zero line:',
      conflictBelow: 'Conflict, below the zero line:',
      coopSide: 'Cooperation',
      conflictSide: 'Conflict',
      bucketUnit: { month: 'One bar per month', quarter: 'One bar per quarter', year: 'One bar per year' },
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
    period: null, // {key, unit, first, last}: the timeline bucket the table is filtered to
    bucketUnit: null, // month, quarter or year: the timeline's bars as last drawn
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
    state.period = null;
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
  // Timeline chart: a true time axis (empty periods keep their place), one bar per month,
  // quarter or year as the width allows; cooperation (Quad 1–2) stacked above the zero line,
  // conflict (Quad 3–4) below it; the mean Goldstein line on its own −10..+10 axis, whose zero
  // is the same line.
  // ---------------------------------------------------------------------------------------
  /** "YYYY-MM" → months since year 0 (January = 0). */
  function monthIndex(m) {
    const [y, mo] = m.split('-').map(Number);
    return y * 12 + (mo - 1);
  }

  function monthName(i) {
    const y = Math.floor(i / 12);
    const mo = i - y * 12 + 1;
    return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}`;
  }

  /** Months per bucket of each granularity. */
  const BUCKET_MONTHS = { month: 1, quarter: 3, year: 12 };
  /** The narrowest band a bucket may have before the next coarser granularity is used (px). */
  const MIN_BAND = 8;

  /** The label of the bucket starting at month index i. */
  function bucketLabel(unit, i) {
    const y = Math.floor(i / 12);
    if (unit === 'year') return String(y);
    if (unit === 'quarter') return `${y}-Q${Math.floor((i - y * 12) / 3) + 1}`;
    return monthName(i);
  }

  /**
   * The API's months (only those with events) laid on a continuous axis from the first to the
   * last month, grouped into buckets of `unit`. Returns the domain [start, end) in month
   * indices (bucket aligned) and the buckets with events, each with its position in months.
   */
  function timeBuckets(months, unit) {
    const per = BUCKET_MONTHS[unit];
    const idx = months.map((mo) => monthIndex(mo.month));
    let first = Math.min(...idx);
    let last = Math.max(...idx);
    if (unit === 'month' && last - first + 1 < 12) {
      // a short span still gets a year's width, centred, so one month is not one huge bar
      const pad = 12 - (last - first + 1);
      first -= Math.floor(pad / 2);
      last += Math.ceil(pad / 2);
    }
    const start = Math.floor(first / per) * per;
    const end = (Math.floor(last / per) + 1) * per;
    const byStart = new Map();
    for (const mo of months) {
      const b = Math.floor(monthIndex(mo.month) / per) * per;
      let bk = byStart.get(b);
      if (!bk) {
        bk = { start: b, end: b + per, key: bucketLabel(unit, b), quad: [0, 0, 0, 0], events: 0, gsum: 0, gn: 0, months: [] };
        byStart.set(b, bk);
      }
      const q = mo.quad || [];
      for (let k = 0; k < 4; k++) bk.quad[k] += q[k] || 0;
      const n = typeof mo.events === 'number' ? mo.events : q.reduce((a, c) => a + (c || 0), 0);
      bk.events += n;
      if (typeof mo.goldstein === 'number' && n > 0) {
        bk.gsum += mo.goldstein * n;
        bk.gn += n;
      }
      bk.months.push(mo.month);
    }
    const buckets = Array.from(byStart.values()).sort((a, b) => a.start - b.start);
    for (const bk of buckets) {
      bk.goldstein = bk.gn ? bk.gsum / bk.gn : null;
      bk.coop = bk.quad[0] + bk.quad[1];
      bk.conflict = bk.quad[2] + bk.quad[3];
      bk.first = monthName(bk.start);
      bk.last = monthName(bk.end - 1);
    }
    return { start, end, buckets };
  }

  /** The finest granularity whose bars are at least MIN_BAND wide at this plot width. */
  function pickUnit(months, pw) {
    for (const unit of ['month', 'quarter']) {
      const { start, end } = timeBuckets(months, unit);
      if ((pw * BUCKET_MONTHS[unit]) / (end - start) >= MIN_BAND) return unit;
    }
    return 'year';
  }

  function renderLegend() {
    const ul = clear($('timeline-legend'));
    const group = (cls, title, qs) =>
      h(
        'li',
        { class: 'legend-group ' + cls },
        h('span', { class: 'legend-title', text: title }),
        qs.map((q) => h('span', { class: 'legend-item' }, h('span', { class: 'swatch q' + q, 'aria-hidden': 'true' }), sub('quad', q, 'Quad ' + q)))
      );
    ul.appendChild(group('coop', t('coopAbove'), [1, 2]));
    ul.appendChild(group('conflict', t('conflictBelow'), [3, 4]));
    ul.appendChild(h('li', {}, h('span', { class: 'swatch gline', 'aria-hidden': 'true' }), t('goldsteinLine')));
    if (state.bucketUnit) {
      ul.appendChild(h('li', { class: 'bucket-unit', 'data-testid': 'timeline-bucket', 'data-unit': state.bucketUnit, text: t('bucketUnit')[state.bucketUnit] }));
    }
  }

  function renderTimeline() {
    const box = clear($('timeline-chart'));
    const hadUnit = state.bucketUnit;
    state.bucketUnit = null;
    const done = () => {
      if (hadUnit !== state.bucketUnit) renderLegend();
    };
    if (state.timelineError) {
      box.appendChild(errorMessage(state.timelineError));
      return done();
    }
    if (!state.timeline) {
      if (state.dyad) box.appendChild(message(t('loading'), 'loading'));
      return done();
    }
    const months = (state.timeline.months || []).filter((mo) => mo && /^\d{4}-\d{2}/.test(mo.month || ''));
    if (!months.length) {
      box.appendChild(message(t('noMonths')));
      return done();
    }
    const W = Math.max(280, Math.floor(box.clientWidth || 600));
    const H = W < 500 ? 250 : 280;
    const m = { l: 50, r: 38, t: 12, b: 40 };
    const pad = 8; // between the axes and the first and last periods
    const pw = W - m.l - m.r - 2 * pad;
    const ph = H - m.t - m.b;
    const unit = pickUnit(months, pw);
    state.bucketUnit = unit;
    const { start, end, buckets } = timeBuckets(months, unit);
    const per = BUCKET_MONTHS[unit];
    const span = end - start;
    // x of a point in time (month index, fractional); time runs left to right in both languages
    const x = (mi) => m.l + pad + ((mi - start) / span) * pw;
    const band = (pw * per) / span;
    const bw = Math.max(2, Math.min(band * 0.72, 46));
    const maxSide = Math.max(1, ...buckets.map((bk) => Math.max(bk.coop, bk.conflict)));
    const step = Math.max(1, Math.ceil(maxSide / 3));
    const yMax = step * Math.ceil(maxSide / step);
    const half = ph / 2;
    const y0 = m.t + half; // the zero line of both axes
    const y = (v) => y0 - (v / yMax) * half; // v > 0: cooperation (up); v < 0: conflict (down)
    const yg = (g) => y0 - (g / 10) * half;
    const d = state.dyad || {};
    const first = buckets[0];
    const last = buckets[buckets.length - 1];

    const svg = s('svg', {
      width: W,
      height: H,
      viewBox: `0 0 ${W} ${H}`,
      role: 'group',
      'aria-label': t('chartLabel', countryName(d.a), countryName(d.b), first.key, last.key, t('bucketUnit')[unit]),
      class: 'timeline-svg',
      'data-unit': unit,
      'data-start': monthName(start),
      'data-end': monthName(end - 1),
    });

    // axes, grid and labels: decoration for the eye; each bar carries its own words
    const axis = s('g', { class: 'axis', 'aria-hidden': 'true' });
    axis.appendChild(s('rect', { x: m.l, y: y0, width: W - m.l - m.r, height: half, class: 'conflict-zone' }));
    for (let v = step; v <= yMax; v += step) {
      for (const sign of [1, -1]) {
        axis.appendChild(s('line', { x1: m.l, x2: W - m.r, y1: y(sign * v), y2: y(sign * v), class: 'grid' }));
        axis.appendChild(s('text', { x: m.l - 5, y: y(sign * v) + 4, 'text-anchor': 'end', text: num(v) }));
      }
    }
    axis.appendChild(s('text', { x: m.l - 5, y: y0 + 4, 'text-anchor': 'end', text: '0' }));
    for (const g of [-10, -5, 5, 10]) {
      axis.appendChild(s('text', { x: W - m.r + 5, y: yg(g) + 4, 'text-anchor': 'start', class: 'g-tick', text: (g > 0 ? '+' : '−') + Math.abs(g) }));
    }
    axis.appendChild(s('text', { x: W - m.r + 5, y: y0 + 4, 'text-anchor': 'start', class: 'g-tick', text: '0' }));
    // the two halves named along the left edge
    const side = (text, cy, cls) =>
      s('text', { x: 0, y: 0, transform: `translate(12,${cy.toFixed(1)}) rotate(-90)`, 'text-anchor': 'middle', class: 'side-label ' + cls, text });
    axis.appendChild(side(t('coopSide'), m.t + half / 2, 'coop'));
    axis.appendChild(side(t('conflictSide'), y0 + half / 2, 'conflict'));

    // the time axis: year ticks at sensible intervals, months when there is room
    const yearW = (pw * 12) / span;
    const yStep = [1, 2, 5, 10, 20, 25, 50, 100].find((k) => yearW * k >= 40) || 100;
    const y0Year = Math.floor(start / 12);
    const y1Year = Math.ceil(end / 12);
    const base = m.t + ph;
    const monthLabels = unit === 'month' && band >= 18;
    for (let yr = y0Year; yr <= y1Year; yr++) {
      const at = yr * 12;
      if (at > start && at < end) {
        axis.appendChild(s('line', { x1: x(at), x2: x(at), y1: base, y2: base + 5, class: 'tick' }));
      }
      if (yr % yStep !== 0) continue;
      if (yStep === 1) {
        // a label in the middle of the year's visible part
        const a = Math.max(at, start);
        const b = Math.min(at + 12, end);
        if (b - a <= 0 || x(b) - x(a) < 30) continue;
        axis.appendChild(s('text', { x: (x(a) + x(b)) / 2, y: base + (monthLabels ? 30 : 17), 'text-anchor': 'middle', class: 'x-year', text: String(yr) }));
      } else if (at >= start && at <= end) {
        axis.appendChild(s('line', { x1: x(at), x2: x(at), y1: m.t, y2: base, class: 'vgrid' }));
        axis.appendChild(s('text', { x: x(at), y: base + 17, 'text-anchor': 'middle', class: 'x-year', text: String(yr) }));
      }
    }
    if (monthLabels) {
      for (let mi = start; mi < end; mi++) {
        axis.appendChild(s('text', { x: x(mi + 0.5), y: base + 16, 'text-anchor': 'middle', class: 'x-label', text: monthName(mi).slice(5) }));
      }
    }
    svg.appendChild(axis);

    // bars: only where there are events; cooperation up from the zero line, conflict down
    const bars = s('g', { class: 'buckets' });
    const focusables = [];
    buckets.forEach((bk, i) => {
      const cx = x(bk.start + per / 2);
      const active = !!state.period && state.period.key === bk.key && state.period.unit === unit;
      const title = t('bucketTitle', bk.key, num(bk.events), num(bk.coop), num(bk.conflict), goldstein(bk.goldstein));
      const g = s('g', {
        class: 'month' + (bk.conflict ? ' has-conflict' : '') + (active ? ' active' : ''),
        'data-testid': 'timeline-month',
        'data-period': bk.key,
        'data-month': bk.first,
        'data-start': bk.first,
        'data-end': bk.last,
        'data-months': bk.months.join(' '),
        'data-events': bk.events,
        'data-coop': bk.coop,
        'data-conflict': bk.conflict,
        tabindex: 0,
        role: 'button',
        'aria-pressed': active ? 'true' : 'false',
        'aria-label': title,
        onclick: () => togglePeriod(bk, unit),
        onkeydown: (e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            togglePeriod(bk, unit);
            return;
          }
          // arrows step through the periods with events, in time order
          const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: focusables.length - 1 }[e.key];
          if (to === undefined) return;
          e.preventDefault();
          focusables[Math.max(0, Math.min(focusables.length - 1, to))].focus();
        },
      });
      focusables.push(g);
      g.appendChild(s('title', { text: title }));
      const hw = Math.max(band, 12);
      g.appendChild(s('rect', { x: cx - hw / 2, y: m.t, width: hw, height: ph, class: 'hit' }));
      let up = 0;
      let down = 0;
      bk.quad.forEach((c, qi) => {
        if (!c) return;
        const q = qi + 1;
        const conflict = q >= 3;
        const from = conflict ? -down : up;
        const to = conflict ? -(down + c) : up + c;
        const top = Math.min(y(from), y(to));
        g.appendChild(
          s('rect', {
            x: cx - bw / 2,
            y: top,
            width: bw,
            height: Math.abs(y(to) - y(from)),
            class: `bar q${q} ${conflict ? 'conflict' : 'coop'}`,
            'data-quad': q,
            'data-count': c,
          })
        );
        if (conflict) down += c;
        else up += c;
      });
      bars.appendChild(g);
    });
    svg.appendChild(bars);
    svg.appendChild(s('line', { x1: m.l, x2: W - m.r, y1: y0, y2: y0, class: 'zero', 'data-testid': 'timeline-zero', 'aria-hidden': 'true' }));

    // Goldstein: solid through adjacent buckets, dotted across empty periods
    const pts = buckets.filter((bk) => typeof bk.goldstein === 'number').map((bk) => ({ bk, p: [x(bk.start + per / 2), yg(bk.goldstein)] }));
    const gl = s('g', { class: 'goldstein', 'aria-hidden': 'true' });
    if (pts.length > 1) gl.appendChild(s('polyline', { points: pts.map((q) => q.p.map((v) => v.toFixed(1)).join(',')).join(' '), class: 'gline link', fill: 'none' }));
    let run = [];
    const flush = () => {
      if (run.length > 1) gl.appendChild(s('polyline', { points: run.map((q) => q.p.map((v) => v.toFixed(1)).join(',')).join(' '), class: 'gline', fill: 'none' }));
      run = [];
    };
    for (const q of pts) {
      if (run.length && run[run.length - 1].bk.end !== q.bk.start) flush();
      run.push(q);
    }
    flush();
    for (const q of pts) {
      gl.appendChild(s('circle', { cx: q.p[0].toFixed(1), cy: q.p[1].toFixed(1), r: 3.5, class: 'gdot' + (q.bk.goldstein < 0 ? ' neg' : '') }));
    }
    svg.appendChild(gl);
    box.appendChild(svg);
    done();
  }

  /** Filters the event table to a bucket's months (or back to all); keeps the keyboard focus. */
  function togglePeriod(bk, unit) {
    const same = state.period && state.period.key === bk.key && state.period.unit === unit;
    state.period = same ? null : { key: bk.key, unit, first: bk.first, last: bk.last };
    renderTimeline();
    renderEvents();
    const el = document.querySelector(`[data-testid="timeline-month"][data-period="${bk.key}"]`);
    if (el) el.focus();
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
    const period = state.period;
    chip.hidden = !period;
    if (period) {
      chip.appendChild(h('span', {}, t('periodFilter') + ': ', h('bdi', { dir: 'ltr', text: period.key })));
      chip.appendChild(
        h('button', { type: 'button', class: 'chip-x', 'aria-label': t('clearFilter'), title: t('clearFilter'), onclick: () => togglePeriod(period, period.unit) }, '×')
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
    if (period) {
      events = events.filter((ev) => {
        const mo = eventMonth(ev);
        return mo !== null && mo >= period.first && mo <= period.last;
      });
    }
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
    // conflict (QuadClass 3–4) is marked by a coloured edge and by the class named in words
    const quad = Number(ev.quad) || 0;
    const conflict = quad >= 3;
    const tr = h('tr', {
      class: 'event-row' + (conflict ? ' conflict q' + quad : '') + (state.selectedEvent === ev.id ? ' selected' : ''),
      tabindex: 0,
      'data-testid': 'event-row',
      'data-event-id': ev.id,
      'data-date': ev.date && ev.date.start ? ev.date.start : '',
      'data-code': ev.code,
      'data-quad': quad || null,
      'data-conflict': conflict ? 'true' : null,
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
        h('span', { class: 'quad-dot q' + quad, title: sub('quad', quad, ''), 'aria-hidden': 'true' }),
        h('bdi', { class: 'code', text: ev.code }),
        ' ',
        h('span', { class: 'desc', text: cameoLabel(ev), title: ev.description || '' }),
        conflict ? h('span', { class: 'badge conflict-badge q' + quad, 'data-testid': 'conflict-badge', text: sub('quad', quad, 'Quad ' + quad) }) : null
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
