// Meetings: small conveniences on top of forms that work without script.
(function () {
    // Attendance: one tap marks everyone not yet marked as present.
    document.querySelectorAll("[data-all-present]").forEach(function (button) {
        button.classList.remove("d-none");
        button.addEventListener("click", function () {
            document.querySelectorAll(".attendance-list > li").forEach(function (row) {
                if (row.querySelector("input[type=radio]:checked")) return;
                var present = row.querySelector("input[type=radio][value=Present]");
                if (present) present.checked = true;
            });
        });
    });
    // Photos: say at once when a file is too large, instead of after a long upload.
    document.querySelectorAll("input[type=file][data-max-bytes]").forEach(function (input) {
        var max = parseInt(input.getAttribute("data-max-bytes"), 10);
        input.addEventListener("change", function () {
            var tooLarge = Array.prototype.some.call(input.files || [], function (f) { return f.size > max; });
            input.setCustomValidity(tooLarge ? (input.getAttribute("data-too-large") || "Too large") : "");
            input.reportValidity();
        });
    });
    // Printable page: a print button.
    document.querySelectorAll("[data-print]").forEach(function (button) {
        button.classList.remove("d-none");
        button.addEventListener("click", function () { window.print(); });
    });
})();
