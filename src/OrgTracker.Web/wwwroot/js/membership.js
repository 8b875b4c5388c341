// Membership pages: live booth search (enrolment), import progress (job page), daily chart (progress page).
// No inline script: everything is wired from data- attributes, so a strict Content-Security-Policy holds.
(function () {
    "use strict";

    // Live booth search: results as the user types, from the page's own (scoped) JSON handler.
    document.querySelectorAll("form[data-booth-search]").forEach(function (form) {
        var input = form.querySelector("input[name=q]");
        var results = document.querySelector("[data-booth-results]");
        if (!input || !results) return;
        var timer = null, last = "";
        function render(items) {
            results.replaceChildren();
            items.forEach(function (b) {
                var a = document.createElement("a");
                a.className = "list-group-item list-group-item-action";
                a.href = b.url;
                a.textContent = b.label;
                results.appendChild(a);
            });
        }
        input.addEventListener("input", function () {
            clearTimeout(timer);
            timer = setTimeout(function () {
                var q = input.value.trim();
                if (q === last) return;
                last = q;
                if (q.length === 0) { render([]); return; }
                fetch(form.dataset.url + "&q=" + encodeURIComponent(q), { headers: { "Accept": "application/json" } })
                    .then(function (r) { return r.ok ? r.json() : []; })
                    .then(render)
                    .catch(function () { /* the Find button still works */ });
            }, 250);
        });
    });

    // Import job: poll its status until it finishes.
    document.querySelectorAll("[data-import-job]").forEach(function (box) {
        if (box.dataset.finished === "true") return;
        function field(name) { return box.querySelector("[data-field=" + name + "]"); }
        function poll() {
            fetch(box.dataset.statusUrl, { headers: { "Accept": "application/json" } })
                .then(function (r) { return r.ok ? r.json() : null; })
                .then(function (s) {
                    if (!s) { setTimeout(poll, 3000); return; }
                    field("percent").value = s.percent;
                    field("text").textContent = s.text;
                    ["rows", "added", "present", "errors"].forEach(function (k) { field(k).textContent = s[k]; });
                    box.dataset.status = s.status;
                    if (s.finished) {
                        box.dataset.finished = "true";
                        box.querySelector("[data-when-finished]").classList.remove("d-none");
                        var cancel = box.querySelector("[data-when-running]");
                        if (cancel) cancel.classList.add("d-none");
                        if (s.hasErrors) box.querySelector("[data-when-errors]").classList.remove("d-none");
                    } else {
                        setTimeout(poll, 1000);
                    }
                })
                .catch(function () { setTimeout(poll, 3000); });
        }
        setTimeout(poll, 500);
    });

    // Enrolments by day: a bar chart (Chart.js), the data in the canvas's data-daily-chart attribute.
    document.querySelectorAll("canvas[data-daily-chart]").forEach(function (canvas) {
        if (typeof Chart === "undefined") return;
        var data = JSON.parse(canvas.dataset.dailyChart);
        new Chart(canvas, {
            type: "bar",
            data: { labels: data.labels, datasets: [{ label: data.label, data: data.values, backgroundColor: "#0d6efd" }] },
            options: {
                maintainAspectRatio: false,
                plugins: { legend: { display: false } },
                scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
            },
        });
    });
})();
