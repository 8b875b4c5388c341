// User form (Admin/Users): offer only the territories at the level the chosen role needs.
// Progressive enhancement: without it the select shows every level and the server checks the choice.
(function () {
    document.querySelectorAll("form[data-user-form]").forEach(function (form) {
        var role = form.querySelector("[data-scope-role]");
        var territory = form.querySelector("[data-scope-territory]");
        if (!role || !territory) return;
        function sync() {
            var option = role.options[role.selectedIndex];
            var level = option ? option.getAttribute("data-level") : null;
            var groups = territory.querySelectorAll("optgroup");
            var match = null;
            groups.forEach(function (g) {
                var on = g.getAttribute("data-level") === level;
                g.hidden = !on;
                g.disabled = !on;
                if (on) match = g;
            });
            var selected = territory.options[territory.selectedIndex];
            if (selected && selected.parentElement.disabled) territory.value = "";
            // A state role has exactly one choice: the state.
            if (territory.value === "" && match && match.children.length === 1) territory.value = match.children[0].value;
        }
        role.addEventListener("change", sync);
        sync();
    });
})();
