// A row of option buttons (p:selectOneButton: Yes/No, a 0-10 scale) is drawn by PrimeFaces as
// div role="radio" elements, each holding a hidden radio input. PrimeFaces never says which option
// is chosen (aria-checked), names no group, and leaves the hidden input focusable inside the
// option, a second control within the first. Here the row becomes a radio group named by its label,
// each option says whether it is chosen and keeps saying so as the choice changes, and the input
// stays only to be submitted. Partial updates bring new rows; they are prepared as they arrive.
(function () {
  var OPTION = '.ui-selectonebutton > [role=radio]';

  function markChosen(option) {
    var chosen = option.classList.contains('ui-state-active') ? 'true' : 'false';
    if (option.getAttribute('aria-checked') !== chosen) {
      option.setAttribute('aria-checked', chosen);
    }
  }

  function nameGroup(group) {
    if (group.hasAttribute('aria-labelledby') || !group.id) {
      return;
    }
    var label = document.querySelector('label[for="' + group.id.replace(/(["\\])/g, '\\$1') + '"]');
    if (label) {
      if (!label.id) {
        label.id = group.id + '_label';
      }
      group.setAttribute('aria-labelledby', label.id);
    }
  }

  function prepare() {
    document.querySelectorAll('.ui-selectonebutton').forEach(function (group) {
      if (group.getAttribute('role') !== 'radiogroup') {
        group.setAttribute('role', 'radiogroup');
      }
      nameGroup(group);
    });
    document.querySelectorAll(OPTION).forEach(function (option) {
      markChosen(option);
      option.querySelectorAll('input[type=radio]:not([hidden])').forEach(function (input) {
        input.hidden = true;
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    prepare();
    new MutationObserver(function (changes) {
      var added = false;
      changes.forEach(function (change) {
        if (change.type === 'attributes') {
          if (change.target.matches && change.target.matches(OPTION)) {
            markChosen(change.target);
          }
        } else if (change.addedNodes.length) {
          added = true;
        }
      });
      if (added) {
        prepare();
      }
    }).observe(document.body, {subtree: true, childList: true, attributes: true, attributeFilter: ['class']});
  });
})();
