/*! ProductOpsDash survey widget. GPL-3.0-or-later. No dependencies.
 * Usage: <script src="https://HOST/widget.js"></script>
 *        <script>ProductOpsDash.init({host: "https://HOST", surveyId: 1, userId: "u-42"});</script>
 * Asks the server whether this user is sampled this week; if so shows the question with one
 * button per scale point, then the optional open question. The score is posted on click and the
 * comment, if any, is added to the same response (same responseId), so nothing typed is lost
 * and a retried request never counts twice. All texts are set as text, never as HTML.
 */
(function (global) {
  'use strict';
  var P = 'pod-';
  var CSS =
    '.' + P + 'box{position:fixed;right:16px;bottom:16px;z-index:2147483000;max-width:380px;width:calc(100% - 32px);' +
    'box-sizing:border-box;background:#fff;color:#1f2328;border:1px solid #d0d7de;border-radius:10px;' +
    'box-shadow:0 8px 24px rgba(0,0,0,.18);padding:16px;font:14px/1.4 system-ui,-apple-system,Segoe UI,Roboto,sans-serif}' +
    '.' + P + 'q{font-weight:600;margin:0 28px 12px 0}' +
    '.' + P + 'x{position:absolute;top:8px;right:8px;border:0;background:none;font-size:20px;line-height:1;cursor:pointer;color:#57606a;padding:4px}' +
    '.' + P + 'scale{display:flex;gap:4px}' +
    '.' + P + 'pt{flex:1;min-width:0;padding:8px 0;border:1px solid #d0d7de;border-radius:6px;background:#f6f8fa;cursor:pointer;font:inherit;color:inherit}' +
    '.' + P + 'pt:hover,.' + P + 'pt:focus{background:#ddf4ff;border-color:#0969da;outline:none}' +
    '.' + P + 'pt[aria-pressed=true]{background:#0969da;color:#fff;border-color:#0969da}' +
    '.' + P + 'ends{display:flex;justify-content:space-between;font-size:12px;color:#57606a;margin-top:4px}' +
    '.' + P + 'ta{width:100%;box-sizing:border-box;min-height:72px;margin:8px 0;padding:6px;font:inherit;border:1px solid #d0d7de;border-radius:6px}' +
    '.' + P + 'send{padding:6px 14px;border:0;border-radius:6px;background:#1f883d;color:#fff;font:inherit;cursor:pointer}' +
    '.' + P + 'err{color:#cf222e;font-size:12px;margin-top:6px}';

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = P + cls;
    if (text != null) e.textContent = String(text);
    return e;
  }

  function uuid() {
    if (global.crypto && global.crypto.randomUUID) return global.crypto.randomUUID();
    var b = new Uint8Array(16);
    (global.crypto || global.msCrypto).getRandomValues(b);
    b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
    var h = '';
    for (var i = 0; i < 16; i++) h += (b[i] + 256).toString(16).slice(1) + ((i === 3 || i === 5 || i === 7 || i === 9) ? '-' : '');
    return h;
  }

  function call(base, method, path, body) {
    var init = { method: method, headers: {}, credentials: 'omit' };
    if (body) { init.headers['Content-Type'] = 'application/json'; init.body = JSON.stringify(body); }
    return global.fetch(base + path, init).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (j) {
        if (!r.ok) { var e = new Error(j.title || ('HTTP ' + r.status)); e.status = r.status; throw e; }
        return j;
      });
    });
  }

  /** Retries transient failures (network, 5xx) a few times; 4xx is final. */
  function send(base, method, path, body, tries) {
    return call(base, method, path, body).catch(function (e) {
      if ((e.status && e.status < 500) || tries <= 1) throw e;
      return new Promise(function (res) { setTimeout(res, 800); }).then(function () {
        return send(base, method, path, body, tries - 1);
      });
    });
  }

  function init(opts) {
    if (!opts || opts.surveyId == null || !opts.userId) throw new Error('ProductOpsDash.init needs surveyId and userId');
    var base = String(opts.host || '').replace(/\/+$/, '');
    var sid = encodeURIComponent(opts.surveyId);
    var uid = String(opts.userId);
    var api = '/api/v1/surveys/' + sid + '/';
    return call(base, 'GET', api + 'eligibility?userId=' + encodeURIComponent(uid)).then(function (r) {
      if (!r.eligible || !r.survey) return { shown: false, reason: r.reason };
      show(base, api, uid, r.survey, opts);
      return { shown: true };
    });
  }

  function show(base, api, uid, s, opts) {
    if (!document.getElementById(P + 'css')) {
      var st = el('style'); st.id = P + 'css'; st.textContent = CSS; document.head.appendChild(st);
    }
    var responseId = uuid();
    var box = el('div', 'box');
    box.setAttribute('role', 'dialog');
    box.setAttribute('aria-labelledby', P + 'q');
    box.setAttribute('data-productopsdash', 'survey');
    var q = el('p', 'q', s.question); q.id = P + 'q';
    var x = el('button', 'x', '\u00d7'); x.type = 'button'; x.setAttribute('aria-label', 'Dismiss survey');
    var scale = el('div', 'scale'); scale.setAttribute('role', 'group'); scale.setAttribute('aria-labelledby', P + 'q');
    var err = el('div', 'err'); err.setAttribute('role', 'alert');
    var answered = false;
    var done = function (what) { if (box.parentNode) box.parentNode.removeChild(box); if (opts.onDone) opts.onDone(what); };
    var fail = function (e) { err.textContent = 'Sorry, that did not go through: ' + e.message; };

    x.onclick = function () {
      if (answered) { done('answered'); return; }
      send(base, 'POST', api + 'dismissals', { userId: uid }, 3).then(function () { done('dismissed'); }, fail);
    };
    for (var v = s.min; v <= s.max; v++) {
      (function (score) {
        var b = el('button', 'pt', score); b.type = 'button';
        b.setAttribute('aria-pressed', 'false');
        b.setAttribute('aria-label', score + ' of ' + s.max +
          (score === s.min && s.minLabel ? ' (' + s.minLabel + ')' : '') +
          (score === s.max && s.maxLabel ? ' (' + s.maxLabel + ')' : ''));
        b.setAttribute('data-score', String(score));
        b.onclick = function () { choose(score, b); };
        scale.appendChild(b);
      })(v);
    }
    var ends = el('div', 'ends');
    ends.appendChild(el('span', null, s.minLabel || ''));
    ends.appendChild(el('span', null, s.maxLabel || ''));
    box.appendChild(x); box.appendChild(q); box.appendChild(scale); box.appendChild(ends); box.appendChild(err);
    document.body.appendChild(box);
    send(base, 'POST', api + 'impressions', { userId: uid }, 3).catch(function () { /* an impression is best effort */ });

    function answer(score, comment) {
      var body = { responseId: responseId, userId: uid, score: score,
        locale: (global.navigator && navigator.language) || undefined, url: global.location ? location.href.slice(0, 2048) : undefined };
      if (comment) body.comment = comment;
      return send(base, 'POST', api + 'answers', body, 3);
    }

    function choose(score, button) {
      err.textContent = '';
      answer(score).then(function () {
        answered = true;
        var all = scale.querySelectorAll('button');
        for (var i = 0; i < all.length; i++) { all[i].setAttribute('aria-pressed', String(all[i] === button)); all[i].disabled = true; }
        if (!s.openQuestion) { thanks(); return; }
        var label = el('label', 'q', s.openQuestion); label.htmlFor = P + 'ta';
        var ta = el('textarea', 'ta'); ta.id = P + 'ta'; ta.maxLength = 5000;
        var go = el('button', 'send', 'Send'); go.type = 'button';
        go.onclick = function () {
          var text = ta.value.trim();
          if (!text) { thanks(); return; }
          go.disabled = true;
          answer(score, text).then(thanks, function (e) { go.disabled = false; fail(e); });
        };
        box.insertBefore(label, err); box.insertBefore(ta, err); box.insertBefore(go, err);
        ta.focus();
      }, fail);
    }

    function thanks() {
      while (box.childNodes.length) box.removeChild(box.firstChild);
      box.appendChild(x);
      box.appendChild(el('p', 'q', 'Thank you for your feedback!'));
      setTimeout(function () { done('answered'); }, 2500);
    }
  }

  global.ProductOpsDash = { init: init };
})(window);
