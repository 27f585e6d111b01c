// A kiosk screen that marks itself with data-restart-after (milliseconds), such as the thank-you
// screen after signing, goes back to its own start page by itself so the next client sees nothing
// of the last one. The marker may arrive with a partial update, so the page is watched for it.
(function () {
  var scheduled = false;

  function restartWhenMarked() {
    var marker = document.querySelector('[data-restart-after]');
    if (!marker || scheduled) {
      return;
    }
    scheduled = true;
    setTimeout(function () { window.location.replace(window.location.pathname); },
        parseInt(marker.getAttribute('data-restart-after'), 10));
  }

  document.addEventListener('DOMContentLoaded', function () {
    restartWhenMarked();
    new MutationObserver(restartWhenMarked).observe(document.body, {childList: true, subtree: true});
  });
})();

// While the tablet is handed to a client (the page carries #kioskIdle): the session is kept alive
// with a small request, so a slow reader never meets an expired page; after data-ask-after ms
// without a tap the screen asks "Still there?"; after data-lock-after ms it locks the tablet back
// to staff. The page's own lock button goes first (it keeps the answers on screen); when that
// request does not end the page, a POST to the keep-alive address locks it. Times are measured
// with the clock, not by counting timers, so a tablet that slept is judged by how long it slept.
(function () {
  var last = Date.now();
  var locking = false;
  var settings = null;

  function marker() {
    return document.getElementById('kioskIdle');
  }

  function read() {
    var m = marker();
    if (!m) {
      return null;
    }
    return {
      askAfter: parseInt(m.getAttribute('data-ask-after'), 10),
      lockAfter: parseInt(m.getAttribute('data-lock-after'), 10),
      aliveEvery: parseInt(m.getAttribute('data-alive-every'), 10),
      aliveUrl: m.getAttribute('data-alive-url'),
      lockButton: m.getAttribute('data-lock-button'),
      lockedPage: m.getAttribute('data-locked-page')
    };
  }

  function stillThere(show) {
    var box = document.getElementById('stillThere');
    if (box) {
      box.hidden = !show;
    }
  }

  function touched() {
    if (locking) {
      return;
    }
    last = Date.now();
    stillThere(false);
  }

  function lockByRequest() {
    fetch(settings.aliveUrl, {method: 'POST', credentials: 'same-origin'})
      .catch(function () { /* the page below says what the server knows */ })
      .then(function () { window.location.replace(settings.lockedPage); });
  }

  function lock() {
    locking = true;
    var button = settings.lockButton ? document.getElementById(settings.lockButton) : null;
    if (button) {
      button.click();
      // The lock answer redirects; if it was refused (a field the server could not read), the
      // tablet is locked without this screen's unsent answers.
      setTimeout(function () {
        if (marker()) {
          lockByRequest();
        }
      }, 8000);
    } else {
      lockByRequest();
    }
  }

  function keepAlive() {
    fetch(settings.aliveUrl, {credentials: 'same-origin', cache: 'no-store'})
      .then(function (response) {
        if (response.status === 410 && !locking) {
          // No longer handed to a client (taken back elsewhere, or the session ended while the
          // tablet slept): show what the tablet is now.
          window.location.replace(settings.lockedPage);
        }
      })
      .catch(function () { /* offline for a moment: the next beat tries again */ });
  }

  function beat() {
    if (!marker() || locking) {
      return;
    }
    var idle = Date.now() - last;
    if (idle >= settings.lockAfter) {
      lock();
      return;
    }
    if (idle >= settings.askAfter) {
      stillThere(true);
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    settings = read();
    if (!settings) {
      return;
    }
    ['pointerdown', 'touchstart', 'keydown', 'input', 'scroll'].forEach(function (type) {
      document.addEventListener(type, touched, {capture: true, passive: true});
    });
    document.getElementById('stillThere').addEventListener('pointerdown', touched);
    setInterval(beat, 1000);
    setInterval(function () {
      if (marker() && !locking) {
        keepAlive();
      }
    }, settings.aliveEvery);
    document.addEventListener('visibilitychange', function () {
      if (!document.hidden) {
        beat();
        if (!locking) {
          keepAlive();
        }
      }
    });
  });
})();
