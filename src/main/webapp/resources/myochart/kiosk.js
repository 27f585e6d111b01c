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
