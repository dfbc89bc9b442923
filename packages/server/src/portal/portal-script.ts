/*
 * The portal's one script, served at /portal/portal.js: what it adds where JavaScript runs to
 * pages that are whole without it. Kept in a module, like the stylesheet, so the build carries it.
 * - A sitting that is not closed: its status is asked for every 15 seconds (the public summary,
 *   GET /api/public/sittings/:id) and, when it or the number of results changes, a polite live
 *   region says so and offers to show the page anew (never reloading by itself: the reader may
 *   be reading).
 * - A recording's chapters: a chapter's link moves the player on the page to its time and plays,
 *   instead of opening the recording alone.
 * It changes nothing in the page when it loads, so the page reads the same with it and without.
 */
export const PORTAL_SCRIPT = `'use strict';
(function () {
  var sitting = document.querySelector('[data-live-sitting]');
  if (sitting) {
    var id = sitting.getAttribute('data-live-sitting');
    var status = sitting.getAttribute('data-status');
    var results = Number(sitting.getAttribute('data-results'));
    var notice = document.getElementById('live-notice');
    var every = Number(sitting.getAttribute('data-poll-ms')) || 15000;
    var check = function () {
      Promise.all([
        fetch('/api/public/sittings/' + id, { headers: { accept: 'application/json' } }),
        fetch('/api/public/sittings/' + id + '/votes.json', { headers: { accept: 'application/json' } })
      ]).then(function (answers) {
        if (!answers[0].ok) return null;
        return Promise.all([answers[0].json(), answers[1].ok ? answers[1].json() : { votes: [] }]);
      }).then(function (bodies) {
        if (!bodies) { setTimeout(check, every * 2); return; }
        if (!notice) return;
        var now = bodies[0].status;
        var count = (bodies[1].votes || []).length;
        if (now !== status || count !== results) {
          notice.hidden = false;
          status = now;
          results = count;
        }
        if (now !== 'closed') setTimeout(check, every);
      }).catch(function () { setTimeout(check, every * 2); });
    };
    if (status !== 'closed') setTimeout(check, every);
  }
  var player = document.querySelector('video.recording');
  if (player) {
    document.querySelectorAll('ol.chapters a[data-seconds]').forEach(function (link) {
      link.addEventListener('click', function (event) {
        event.preventDefault();
        player.currentTime = Number(link.getAttribute('data-seconds'));
        player.focus();
        var playing = player.play();
        if (playing && playing.catch) playing.catch(function () {});
      });
    });
  }
})();
`;
