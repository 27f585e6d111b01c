// Saves a SOAP-note draft a few seconds after typing stops, when the tablet goes to sleep and
// before the page is left, so that no work is lost.
var MyoChartNote = (function () {
  var dirty = false;
  var saving = false;
  var timer = null;

  function form() {
    return document.getElementById('note');
  }

  function save() {
    if (!dirty || saving || typeof autosave !== 'function') {
      return;
    }
    saving = true;
    dirty = false;
    autosave();
  }

  function changed() {
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(save, 4000);
  }

  document.addEventListener('input', function (e) { if (form() && form().contains(e.target)) { changed(); } });
  document.addEventListener('change', function (e) { if (form() && form().contains(e.target)) { changed(); } });
  document.addEventListener('click', function (e) {
    if (form() && e.target.closest && e.target.closest('#note .ui-selectonebutton')) { changed(); }
  });
  // A tap on a muscle of the body chart adds it on that side to the treatment rows, or takes it
  // away; the chart is redrawn by the answer, so the listener sits on the document.
  document.addEventListener('click', function (e) {
    var muscle = e.target.closest ? e.target.closest('[data-muscle]') : null;
    if (muscle && typeof toggleMuscle === 'function') {
      toggleMuscle([{name: 'code', value: muscle.getAttribute('data-muscle')},
                    {name: 'side', value: muscle.getAttribute('data-side')}]);
    }
  });
  document.addEventListener('visibilitychange', function () { if (document.visibilityState === 'hidden') { save(); } });
  window.addEventListener('pagehide', save);

  return {
    /** An explicit save is on its way: nothing is waiting to be saved any more. */
    clean: function () {
      dirty = false;
      clearTimeout(timer);
    },
    saved: function (args) {
      saving = false;
      if (args && args.validationFailed) {
        dirty = true;
      } else if (window.MyoChartNoteBackup) {
        window.MyoChartNoteBackup.confirmed();
      }
    },
    /**
     * The save did not reach the server, or the server could not store it (network, sleep, server
     * or database down): say so where "Saved at" stands, keep the work and try again soon.
     */
    failed: function (xhr) {
      saving = false;
      dirty = true;
      clearTimeout(timer);
      timer = setTimeout(save, 10000);
      var status = document.getElementById('note:saveStatus');
      if (status) {
        status.textContent = xhr && xhr.status === 503
          ? 'Not saved: the clinic database is not answering. Your changes are still on this screen; trying again in 10 seconds.'
          : 'Not saved: the server cannot be reached. Your changes are still on this screen; trying again in 10 seconds.';
        status.className = 'save-status save-failed';
      }
    },
    isDirty: function () { return dirty; }
  };
})();

// Long text: a field shows how much of its limit is used while it is typed in, and a paste that
// would go past the limit is refused with a message instead of being cut (the browser's own
// maxlength cuts silently, so these fields have none; the server refuses an over-long text too).
(function () {
  function limited(target) {
    return target && target.matches && target.matches('textarea[data-limit]') ? target : null;
  }

  function note(field, className) {
    var next = field.nextElementSibling;
    while (next && next.classList && (next.classList.contains('text-counter') || next.classList.contains('text-refused'))) {
      if (next.classList.contains(className)) {
        return next;
      }
      next = next.nextElementSibling;
    }
    var element = document.createElement('div');
    element.className = className;
    if (className === 'text-refused') {
      element.setAttribute('role', 'alert');
    } else {
      element.setAttribute('aria-live', 'polite');
    }
    field.insertAdjacentElement('afterend', element);
    return element;
  }

  function count(field) {
    var limit = parseInt(field.getAttribute('data-limit'), 10);
    var counter = note(field, 'text-counter');
    counter.textContent = field.value.length.toLocaleString('en') + ' of ' + limit.toLocaleString('en') + ' characters';
    counter.classList.toggle('over-limit', field.value.length > limit);
  }

  document.addEventListener('focusin', function (e) { var f = limited(e.target); if (f) { count(f); } });
  document.addEventListener('input', function (e) {
    var f = limited(e.target);
    if (f) {
      count(f);
      note(f, 'text-refused').textContent = '';
    }
  });
  document.addEventListener('paste', function (e) {
    var f = limited(e.target);
    if (!f || !e.clipboardData) {
      return;
    }
    var pasted = e.clipboardData.getData('text/plain') || '';
    var limit = parseInt(f.getAttribute('data-limit'), 10);
    var selected = (f.selectionEnd || 0) - (f.selectionStart || 0);
    var after = f.value.length - selected + pasted.length;
    if (after > limit) {
      e.preventDefault();
      var room = Math.max(0, limit - f.value.length + selected);
      note(f, 'text-refused').textContent = 'Not pasted: the pasted text has ' + pasted.length.toLocaleString('en')
          + ' characters and this field holds at most ' + limit.toLocaleString('en') + ' (' + room.toLocaleString('en')
          + ' more fit now). Nothing was cut; shorten the text and paste again.';
      count(f);
    }
  }, true);
})();

// The toolbar's "Not saved" reason leads to the field it is about.
document.addEventListener('click', function (e) {
  var reason = e.target.closest ? e.target.closest('.not-saved-reason') : null;
  if (!reason) {
    return;
  }
  e.preventDefault();
  var field = reason.getAttribute('data-field');
  var target = field ? (document.getElementById('note:' + field) || document.querySelector('[id$=":' + field + '"]')) : null;
  if (target) {
    target.scrollIntoView({block: 'center'});
    if (target.focus) {
      target.focus();
    }
  }
});

// What is typed is also kept in this browser's storage until the server has stored it, so that a
// reload, a crashed tablet or a lost network loses nothing: on reopening, text that differs from
// the stored draft is offered back. Kept per note; removed once a save succeeds or it is
// discarded; entries older than a week are dropped.
window.MyoChartNoteBackup = (function () {
  var WEEK = 7 * 24 * 3600 * 1000;

  function noteForm() {
    return document.getElementById('note');
  }

  function key() {
    var form = noteForm();
    return form && form.getAttribute('data-note') ? 'myochart-note-' + form.getAttribute('data-note') : null;
  }

  function fields() {
    return Array.prototype.filter.call(
      noteForm().querySelectorAll('textarea, input[type="text"], input[type="number"]'),
      function (el) { return el.id && el.id.indexOf('password') < 0; });
  }

  function snapshot() {
    var k = key();
    if (!k) {
      return;
    }
    var values = {};
    fields().forEach(function (el) { values[el.id] = el.value; });
    try {
      localStorage.setItem(k, JSON.stringify({at: Date.now(), values: values}));
    } catch (e) {
      // Storage full or switched off: the server copy is all there is.
    }
  }

  function stored(k) {
    try {
      return JSON.parse(localStorage.getItem(k));
    } catch (e) {
      return null;
    }
  }

  function dropOld() {
    try {
      for (var i = localStorage.length - 1; i >= 0; i--) {
        var name = localStorage.key(i);
        if (name && name.indexOf('myochart-note-') === 0) {
          var entry = stored(name);
          if (!entry || !entry.at || Date.now() - entry.at > WEEK) {
            localStorage.removeItem(name);
          }
        }
      }
    } catch (e) {
      // Nothing to tidy.
    }
  }

  function button(id, label, secondary) {
    var b = document.createElement('button');
    b.type = 'button';
    b.id = id;
    b.textContent = label;
    b.className = 'ui-button ui-widget ui-corner-all unsaved-action' + (secondary ? ' ui-button-secondary' : '');
    return b;
  }

  function offer() {
    var k = key();
    if (!k) {
      return;
    }
    var entry = stored(k);
    if (!entry || !entry.values) {
      return;
    }
    var differing = Object.keys(entry.values).filter(function (id) {
      var el = document.getElementById(id);
      return el && el.value !== entry.values[id];
    });
    if (differing.length === 0) {
      localStorage.removeItem(k);
      return;
    }
    var banner = document.createElement('div');
    banner.id = 'unsavedBanner';
    banner.className = 'blocked';
    banner.setAttribute('role', 'alert');
    var text = document.createElement('p');
    text.textContent = 'Text typed on this device at ' + new Date(entry.at).toLocaleTimeString()
        + ' was not saved (' + differing.length + (differing.length === 1 ? ' field' : ' fields')
        + '). Restore it to keep working on it, or discard it to keep the saved draft.';
    var restore = button('restoreUnsaved', 'Restore unsaved text', false);
    var discard = button('discardUnsaved', 'Discard it', true);
    restore.addEventListener('click', function () {
      differing.forEach(function (id) {
        var el = document.getElementById(id);
        if (el) {
          el.value = entry.values[id];
          el.dispatchEvent(new Event('input', {bubbles: true}));
        }
      });
      banner.remove();
    });
    discard.addEventListener('click', function () {
      localStorage.removeItem(k);
      banner.remove();
    });
    banner.appendChild(text);
    banner.appendChild(restore);
    banner.appendChild(discard);
    noteForm().insertAdjacentElement('beforebegin', banner);
  }

  document.addEventListener('input', function (e) {
    var form = noteForm();
    if (form && form.contains(e.target) && e.target.matches('textarea, input[type="text"], input[type="number"]')) {
      snapshot();
    }
  });

  function start() {
    if (noteForm()) {
      dropOld();
      offer();
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }

  return {
    /** The server stored the draft: the copy here is no longer needed, unless typing went on. */
    confirmed: function () {
      var k = key();
      if (k && !(window.MyoChartNote && MyoChartNote.isDirty())) {
        localStorage.removeItem(k);
      }
    }
  };
})();
