// Saves a SOAP-note draft a few seconds after typing stops, when the tablet goes to sleep and
// before the page is left, so that no work is lost.
var MyoChartNote = (function () {
  var dirty = false;
  var saving = false;
  var timer = null;

  function form() {
    return document.getElementById('note');
  }

  /** Between sending a save and its answer the toolbar says so, instead of an older state. */
  function showSaving() {
    var status = document.getElementById('note:saveStatus');
    if (status) {
      status.textContent = 'Saving…';
      status.className = 'save-status';
    }
  }

  function save() {
    if (!dirty || saving || typeof autosave !== 'function') {
      return;
    }
    saving = true;
    dirty = false;
    showSaving();
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
  // The body chart: a tap (or Enter or Space on a focused box) on a muscle, pressure point or
  // reflex area adds it on that side to the treatment rows, or takes it away. The chart is redrawn
  // by the answer, so the listeners sit on the document; the readout and the tabs stay.
  var refocus = null;

  function said(text) {
    var readout = document.getElementById('chartSaid');
    if (readout) {
      readout.textContent = text;
    }
  }

  function tapChart(target, byKeyboard) {
    if (typeof toggleOnChart !== 'function') {
      return;
    }
    said(target.getAttribute('aria-label') + ' …');
    refocus = byKeyboard ? target.id : null;
    toggleOnChart([{name: 'kind', value: target.getAttribute('data-kind')},
                   {name: 'code', value: target.getAttribute('data-code')},
                   {name: 'side', value: target.getAttribute('data-side')}]);
    changed();
  }

  function chartTarget(e) {
    return e.target.closest ? e.target.closest('.body-chart .chart-target') : null;
  }

  document.addEventListener('click', function (e) {
    var target = chartTarget(e);
    if (target) {
      tapChart(target, false);
    }
  });
  document.addEventListener('keydown', function (e) {
    var target = chartTarget(e);
    if (target && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      tapChart(target, true);
    }
  });

  function showView(tab, focus) {
    var chart = tab.closest('.body-chart');
    chart.setAttribute('data-showing', tab.getAttribute('data-view'));
    chart.querySelectorAll('.chart-tab').forEach(function (other) {
      var selected = other === tab;
      other.setAttribute('aria-selected', selected ? 'true' : 'false');
      other.tabIndex = selected ? 0 : -1;
    });
    if (focus) {
      tab.focus();
    }
  }

  document.addEventListener('click', function (e) {
    var tab = e.target.closest ? e.target.closest('.body-chart .chart-tab') : null;
    if (tab) {
      showView(tab, false);
    }
  });
  // Arrow keys move between the tabs, as in any tab list.
  document.addEventListener('keydown', function (e) {
    var tab = e.target.closest ? e.target.closest('.body-chart .chart-tab') : null;
    if (!tab || (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight' && e.key !== 'Home' && e.key !== 'End')) {
      return;
    }
    var tabs = Array.prototype.slice.call(tab.parentNode.querySelectorAll('.chart-tab'));
    var i = tabs.indexOf(tab);
    var next = e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1
      : (i + (e.key === 'ArrowRight' ? 1 : -1) + tabs.length) % tabs.length;
    e.preventDefault();
    showView(tabs[next], true);
  });

  document.addEventListener('visibilitychange', function () { if (document.visibilityState === 'hidden') { save(); } });
  window.addEventListener('pagehide', save);

  return {
    /** The server applied a tap on the chart: say what it did; keep the keyboard where it was. */
    charted: function (args) {
      if (args && args.chartSaid) {
        said(args.chartSaid);
      } else if (args && args.validationFailed) {
        said('Nothing changed: put right the field marked in the note first.');
      } else {
        said('Nothing changed: this entry is no longer in the catalogue; add it as a row instead.');
      }
      var again = refocus && document.getElementById(refocus);
      if (again) {
        again.focus({preventScroll: true});
      }
      refocus = null;
    },
    /** An explicit save is on its way: nothing is waiting to be saved any more. */
    clean: function () {
      dirty = false;
      clearTimeout(timer);
      showSaving();
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
