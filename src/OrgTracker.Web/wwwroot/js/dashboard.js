// Draws the dashboard's charts from data- attributes on their canvases (no inline script: the CSP forbids it).
// data-chart: bar | doughnut; data-labels: JSON array; data-sets: JSON array of { label, data, type?, axis? };
// data-percent: a single 0–100 series coloured red / amber / green. A set with axis "score" is drawn on a 0–100 scale on the right.
(function () {
  if (typeof Chart === 'undefined') return;
  var palette = ['#198754', '#0d6efd', '#dc3545', '#6c757d', '#ffc107'];
  var seriesColours = ['#0d6efd', '#adb5bd', '#fd7e14'];
  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    var kind = canvas.dataset.chart;
    var percent = canvas.dataset.percent === 'true';
    var sets = JSON.parse(canvas.dataset.sets || '[]');
    var scored = sets.some(function (s) { return s.axis === 'score'; });
    var datasets = sets.map(function (s, i) {
      var colour = kind === 'doughnut' ? palette
        : percent ? s.data.map(function (v) { return v < 50 ? '#dc3545' : v < 75 ? '#ffc107' : '#198754'; })
        : seriesColours[i % seriesColours.length];
      return {
        label: s.label, data: s.data, type: s.type || kind, yAxisID: s.axis === 'score' ? 'score' : 'y',
        backgroundColor: colour, borderColor: s.type === 'line' ? '#fd7e14' : colour, tension: 0.2, spanGaps: true
      };
    });
    var scales = {};
    if (kind === 'bar') {
      scales.y = percent ? { beginAtZero: true, max: 100 } : { beginAtZero: true };
      if (scored) scales.score = { position: 'right', min: 0, max: 100, grid: { drawOnChartArea: false } };
    }
    new Chart(canvas, {
      type: kind,
      data: { labels: JSON.parse(canvas.dataset.labels || '[]'), datasets: datasets },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        plugins: { title: { display: true, text: canvas.dataset.title }, legend: { display: kind !== 'bar' || sets.length > 1 } },
        scales: scales
      }
    });
  });
})();
