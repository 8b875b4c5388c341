// A select marked data-autosubmit="BUTTON-ID" presses that button when its value changes; without script the
// button is pressed by hand. Kept in a file of its own: the pages carry no inline script.
document.addEventListener('change', function (e) {
    var select = e.target.closest ? e.target.closest('[data-autosubmit]') : null;
    if (!select) return;
    var button = document.getElementById(select.getAttribute('data-autosubmit'));
    if (button) button.click();
});
