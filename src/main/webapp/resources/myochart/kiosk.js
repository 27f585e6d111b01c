// The signature pad's name for screen readers: PrimeFaces looks it up in its locale by the key
// "signatureLabel", which its English locale lacks (it read "???signatureLabel???"). Set before the
// widgets are built, which happens when the document is ready.
(function () {
  function nameTheSignaturePad() {
    if (!window.PrimeFaces || !PrimeFaces.locales) {
      return;
    }
    Object.keys(PrimeFaces.locales).forEach(function (name) {
      var locale = PrimeFaces.locales[name];
      if (locale && typeof locale === 'object') {
        locale.aria = locale.aria || {};
        if (!locale.aria.signatureLabel) {
          locale.aria.signatureLabel = 'Your signature: draw it here with a finger';
        }
      }
    });
  }

  nameTheSignaturePad();
  document.addEventListener('DOMContentLoaded', nameTheSignaturePad);
})();

// The signature pad tells a screen reader how to sign: its canvas, made by the widget (again after
// each partial update of the form), is described by the instructions its wrapper names.
(function () {
  function describeThePad() {
    document.querySelectorAll('[data-pad-instructions]').forEach(function (wrapper) {
      var canvas = wrapper.querySelector('canvas');
      if (canvas && !canvas.hasAttribute('aria-describedby')) {
        canvas.setAttribute('aria-describedby', wrapper.getAttribute('data-pad-instructions'));
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    describeThePad();
    new MutationObserver(describeThePad).observe(document.body, {childList: true, subtree: true});
  });
})();

// A kiosk screen that marks itself with data-restart-after (milliseconds), such as the thank-you
// screen after signing, goes back to its own start page by itself so the next client sees nothing
// of the last one. The marker may arrive with a partial update, so the page is watched for it.
(function () {
  var scheduledFor = null;
  var timer = null;

  // A marker replaced by a partial update with another delay (the copy was sent) starts the wait
  // again with that delay.
  function restartWhenMarked() {
    var marker = document.querySelector('[data-restart-after]');
    if (!marker || marker === scheduledFor) {
      return;
    }
    scheduledFor = marker;
    clearTimeout(timer);
    timer = setTimeout(function () { window.location.replace(window.location.pathname); },
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
  var leaving = false;
  window.addEventListener('beforeunload', function () { leaving = true; });
  window.addEventListener('pagehide', function () { leaving = true; });
  // Staff taking the tablet back: for a few seconds a "no longer handed over" answer is theirs.
  document.addEventListener('click', function (e) {
    if (e.target.closest && e.target.closest('[id$=":unlock"]')) {
      leaving = true;
      setTimeout(function () { leaving = false; }, 10000);
    }
  }, true);
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

  // Any tap, key or input counts as the client being there. The question itself goes away only
  // with a tap on it (below), so that the tap that answers it cannot fall through to a button.
  function touched() {
    if (locking) {
      return;
    }
    last = Date.now();
  }

  function answeredStillThere(e) {
    var box = document.getElementById('stillThere');
    if (box && !box.hidden && box.contains(e.target)) {
      e.preventDefault();
      e.stopPropagation();
      last = Date.now();
      stillThere(false);
    }
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
      // The lock answer redirects. If it was refused (a field the server could not read) or never
      // answered, lockAnswered or the safety wait below locks the tablet without this screen's
      // unsent answers; the answers of earlier screens are kept either way.
      button.click();
      setTimeout(function () {
        if (marker()) {
          lockByRequest();
        }
      }, 60000);
    } else {
      lockByRequest();
    }
  }

  /** Called by the page's lock button when its request completes. */
  window.MyoChartKioskLockAnswered = function (args, status) {
    if (locking && (status !== 'success' || (args && args.validationFailed))) {
      lockByRequest();
    }
  };

  function keepAlive() {
    fetch(settings.aliveUrl, {credentials: 'same-origin', cache: 'no-store'})
      .then(function (response) {
        // Not while the page is already on its way elsewhere (staff took the tablet back and the
        // answer is taking them to the client's page): that navigation must win.
        if (response.status === 410 && !locking && !leaving) {
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
    document.addEventListener('click', answeredStillThere, true);
    setInterval(beat, 1000);
    setInterval(function () {
      if (marker() && !locking) {
        keepAlive();
      }
    }, settings.aliveEvery);
    document.addEventListener('visibilitychange', function () {
      if (document.hidden && !locking && typeof window.keepAnswers === 'function') {
        // The tablet is going to sleep or to another app: keep this screen's answers now.
        window.keepAnswers();
      }
      if (!document.hidden) {
        beat();
        if (!locking) {
          keepAlive();
        }
      }
    });
  });
})();
