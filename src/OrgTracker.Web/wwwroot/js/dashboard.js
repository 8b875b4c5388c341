// Draws the dashboard's charts from data- attributes on their canvases (no inline script: the CSP forbids it).
(function () {
  var palette = ['#198754', '#0d6efd', '#dc3545', '#6c757d', '#ffc107'];
  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    var labels = canvas.dataset.labels.split('|');
    var values = canvas.dataset.values.split('|').map(Number);
    var kind = canvas.dataset.chart;
    new Chart(canvas, {
      type: kind,
      data: {
        labels: labels,
        datasets: [{
          label: canvas.dataset.series || canvas.dataset.title,
          data: values,
          backgroundColor: kind === 'bar'
            ? values.map(function (v) { return v < 50 ? '#dc3545' : v < 75 ? '#ffc107' : '#198754'; })
            : palette
        }]
      },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        plugins: { title: { display: true, text: canvas.dataset.title }, legend: { display: kind !== 'bar' } },
        scales: kind === 'bar' ? { y: { beginAtZero: true, max: 100 } } : {}
      }
    });
  });
})();
