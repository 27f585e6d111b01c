// Text with a limit (a field marked data-limit: note fields, intake answers on the staff page and
// on the tablet): the field shows how much of its limit is used while it is typed in, and a paste
// that would go past the limit is refused with a message instead of being cut (the browser's own
// maxlength cuts silently, so these fields have none; the server refuses an over-long text too).
(function () {
  function limited(target) {
    return target && target.matches && target.matches('textarea[data-limit], input[data-limit]') ? target : null;
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

