// Sets progress-bar widths from data-width (percent): no inline styles, so a strict CSP holds.
document.querySelectorAll('.progress-bar[data-width]').forEach(function (bar) {
  bar.style.width = Math.max(0, Math.min(100, parseFloat(bar.dataset.width) || 0)) + '%';
});
