// The printable form's Print button; the page allows no inline handlers.
document.addEventListener('DOMContentLoaded', function () {
  var button = document.getElementById('printButton');
  if (button) {
    button.addEventListener('click', function () { window.print(); });
  }
});
