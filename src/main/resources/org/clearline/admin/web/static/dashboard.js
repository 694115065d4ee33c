// Clearline dashboard: two small enhancements. Every page works without this file.
(function () {
  'use strict';

  // The overview's live part: fetched again every few seconds and swapped in.
  // The server escapes everything in it; a lapsed session reloads the page (to the log-in).
  var live = document.querySelector('[data-refresh]');
  if (live) {
    var every = (parseInt(live.getAttribute('data-every'), 10) || 5) * 1000;
    var timer = setInterval(function () {
      fetch(live.getAttribute('data-refresh'), { credentials: 'same-origin', redirect: 'manual' })
        .then(function (r) {
          if (r.type === 'opaqueredirect' || r.status === 401 || r.status === 302) {
            clearInterval(timer);
            window.location.reload();
            return null;
          }
          return r.ok ? r.text() : null;
        })
        .then(function (html) {
          if (html !== null) live.innerHTML = html;
        })
        .catch(function () { /* offline for a moment: try again next time */ });
    }, every);
  }

  // Ladder arrows link to their message's <details>: open it as well as scrolling to it.
  function openTarget(id) {
    var target = id && document.getElementById(id);
    if (target && target.tagName === 'DETAILS') target.open = true;
  }
  document.addEventListener('click', function (e) {
    var link = e.target.closest ? e.target.closest('g.arrow a') : null;
    if (link) openTarget((link.getAttribute('href') || '').replace(/^#/, ''));
  });
  window.addEventListener('hashchange', function () { openTarget(window.location.hash.slice(1)); });
  if (window.location.hash) openTarget(window.location.hash.slice(1));
})();
