// The Outcomes tab: its Print button, and the charts redrawn at the printed size (Chart.js does
// not follow a print style sheet by itself). The page allows no inline handlers.
document.addEventListener('DOMContentLoaded', function () {
  var button = document.getElementById('printOutcomes');
  if (button) {
    button.addEventListener('click', function () { window.print(); });
  }
});
function myochartResizeCharts() {
  if (window.Chart && window.Chart.instances) {
    Object.values(window.Chart.instances).forEach(function (chart) { chart.resize(); });
  }
}
window.addEventListener('beforeprint', myochartResizeCharts);
window.addEventListener('afterprint', myochartResizeCharts);
