// The score trend of a district (Reports/District): data comes from the canvas's data- attributes.
(function () {
    const canvas = document.getElementById('trend');
    if (!canvas || typeof Chart === 'undefined') return;
    const labels = JSON.parse(canvas.dataset.labels || '[]');
    const scores = JSON.parse(canvas.dataset.scores || '[]');
    new Chart(canvas, {
        type: 'line',
        data: {
            labels: labels,
            datasets: [{ label: canvas.dataset.seriesLabel, data: scores, borderColor: '#0d6efd', backgroundColor: 'rgba(13,110,253,.15)', fill: true, tension: 0.2 }]
        },
        options: {
            maintainAspectRatio: false,
            animation: false,
            scales: { y: { min: 0, max: 100 } },
            plugins: { legend: { display: false } }
        }
    });
})();
