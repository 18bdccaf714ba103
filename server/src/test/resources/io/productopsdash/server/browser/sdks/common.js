// Shared by the SDK pages of BrowserSdksIT. Loaded before the SDK, so the SDK sees these wrappers:
// settings from the query (api, key, run), a record of each call with the browser's time, and a
// log of every request the SDK makes (fetch and sendBeacon are observed, not changed), kept in
// localStorage so it survives leaving the page.
(function () {
  var q = new URLSearchParams(location.search);
  var sdk = { api: q.get('api'), key: q.get('key'), run: q.get('run'), mode: q.get('mode'), calls: [], errors: [], done: false };
  window.sdk = sdk;
  function logRequest(entry) {
    var log = JSON.parse(localStorage.getItem('sdk-requests') || '[]');
    log.push(entry);
    localStorage.setItem('sdk-requests', JSON.stringify(log));
  }
  var originalFetch = window.fetch.bind(window);
  window.fetch = function (input, init) {
    var url = typeof input === 'string' ? input : (input && input.url) || String(input);
    logRequest({ via: 'fetch', method: (init && init.method) || 'GET', url: url });
    return originalFetch(input, init);
  };
  var originalBeacon = navigator.sendBeacon.bind(navigator);
  navigator.sendBeacon = function (url, data) {
    logRequest({ via: 'beacon', method: 'POST', url: String(url) });
    return originalBeacon(url, data);
  };
  window.addEventListener('error', function (e) { sdk.errors.push(String(e.message)); });
  window.addEventListener('unhandledrejection', function (e) { sdk.errors.push(String(e.reason)); });
  // One SDK call: remembered with the time it was made, for the test to compare with the stored event.
  sdk.call = function (name) { sdk.calls.push({ name: name, at: Date.now() }); };
  sdk.run = sdk.run || 'r';
  sdk.finish = function (work) {
    work().then(function () { sdk.done = true; }, function (e) { sdk.errors.push(String((e && e.stack) || e)); sdk.done = true; });
  };
})();
