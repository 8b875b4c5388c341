// A button marked data-copy-target="FIELD-ID" copies that field's value (the set-password link) and says so.
// Without script, the field is read-only text the user can select and copy by hand.
document.addEventListener('click', function (e) {
    var button = e.target.closest ? e.target.closest('[data-copy-target]') : null;
    if (!button) return;
    var field = document.getElementById(button.getAttribute('data-copy-target'));
    if (!field) return;
    var done = function () { button.textContent = button.getAttribute('data-copied-text') || button.textContent; };
    field.focus();
    field.select();
    if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(done, function () { if (document.execCommand('copy')) done(); });
    } else if (document.execCommand('copy')) {
        done();
    }
});
