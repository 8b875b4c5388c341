#!/usr/bin/env python3
"""Drives form submissions (new meetings) from many concurrent signed-in clients against a running OrgTracker, as a
browser would: GET the form, POST it; a POST that fails (connection error, 5xx, sent to the login page) is posted
again unchanged, with the same idempotency key, until it is acknowledged (a redirect to the new meeting) or a minute
has passed. Polls /healthz meanwhile. Writes a JSON summary: every acknowledged title with its time, every attempt,
every form that could not be loaded, every time a signed-in client was sent to the login page (its sign-in lost:
it signs in again and goes on), the /healthz answers over time, and each client's last check that it is still
signed in (the form loaded with the same cookies after the run).

Usage: fault-driver.py URL EMAIL[,EMAIL…] PASSWORD SECONDS CLIENTS RUN_ID OUT.json   (client n signs in as the n-th
email, round robin; all with the one password)"""
import html.parser, http.cookiejar, json, sys, threading, time, urllib.error, urllib.parse, urllib.request

URL, EMAILS, PASSWORD, SECONDS, CLIENTS, RUN, OUT = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]), int(sys.argv[5]), sys.argv[6], sys.argv[7]
EMAILS = EMAILS.split(",")
TIMEOUT = 20


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Forms(html.parser.HTMLParser):
    """The POST forms of a page: action and fields (inputs, selected options, textareas)."""

    def __init__(self):
        super().__init__()
        self.forms, self.form, self.select, self.textarea = [], None, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and (a.get("method") or "").lower() == "post":
            self.form = {"action": a.get("action") or "", "fields": {}}
            self.forms.append(self.form)
        elif self.form is None:
            return
        elif tag == "input" and a.get("name") and (a.get("type") or "text") not in ("submit", "button", "file", "image", "reset"):
            if (a.get("type") or "") in ("checkbox", "radio") and "checked" not in a:
                return
            self.form["fields"].setdefault(a["name"], a.get("value") or "")
        elif tag == "select" and a.get("name"):
            self.select = a["name"]
        elif tag == "option" and self.select:
            if "selected" in a or self.select not in self.form["fields"]:
                self.form["fields"][self.select] = a.get("value") or ""
        elif tag == "textarea" and a.get("name"):
            self.textarea = a["name"]
            self.form["fields"][self.textarea] = ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data):
        if self.textarea and self.form is not None:
            self.form["fields"][self.textarea] += data


def client():
    jar = http.cookiejar.CookieJar()
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)


def request(opener, path, data=None):
    """(status, location, body); status 0 when there was no answer at all."""
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    try:
        with opener.open(urllib.request.Request(URL + path, data=body), timeout=TIMEOUT) as r:
            return r.status, r.headers.get("Location") or "", r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Location") or "", e.read().decode("utf-8", "replace")
    except Exception:
        return 0, "", ""


def form_with(page, field):
    parser = Forms()
    parser.feed(page)
    return next((f for f in parser.forms if field in f["fields"]), None)


results = {"acknowledged": [], "attempts": [], "failures": 0, "gave_up": [], "health": [], "form_failures": [],
           "signed_out": [], "final_check": {}}
lock = threading.Lock()
deadline = time.time() + SECONDS


def sign_in(opener, email):
    while time.time() < deadline + 60:
        status, _, page = request(opener, "/Account/Login")
        form = form_with(page, "Input.Email") if status == 200 else None
        if form:
            form["fields"].update({"Input.Email": email, "Input.Password": PASSWORD})
            status, location, _ = request(opener, form["action"] or "/Account/Login", form["fields"])
            if status == 302 and "/Account/Login" not in location:
                return True
        time.sleep(0.5)
    return False


def signed_out(n, path):
    with lock:
        results["signed_out"].append({"t": time.time(), "client": n, "path": path})


def worker(n):
    opener = client()
    email = EMAILS[n % len(EMAILS)]
    if not sign_in(opener, email):
        return
    i = 0
    while time.time() < deadline:
        i += 1
        title = f"fault-{RUN}-{n:02d}-{i:04d}"
        # The form: fetched again until it comes (during an outage it may not).
        form = None
        while form is None and time.time() < deadline + 60:
            status, location, page = request(opener, "/Meetings/Edit")
            if status == 302 and "/Account/Login" in location:
                signed_out(n, "GET /Meetings/Edit")
                sign_in(opener, email)
            form = form_with(page, "Input.Title") if status == 200 else None
            if form is None:
                with lock:
                    results["form_failures"].append({"t": time.time(), "client": n, "status": status})
                time.sleep(0.5)
        if form is None:
            break
        form["fields"]["Input.Title"] = title
        started = time.time()
        while True:
            status, location, _ = request(opener, form["action"] or "/Meetings/Edit", form["fields"])
            # Acknowledged: sent to the new meeting, or told that it was saved (its first copy was saved by a request
            # that died before answering: Data/Idempotency.cs).
            ok = status == 302 and ("/Meetings/Details/" in location or location.endswith("/AlreadySaved"))
            with lock:
                results["attempts"].append({"t": time.time(), "title": title, "status": status, "ok": ok})
            if ok:
                with lock:
                    results["acknowledged"].append({"t": time.time(), "title": title, "location": location})
                break
            with lock:
                results["failures"] += 1
            if status == 302 and "/Account/Login" in location:
                signed_out(n, "POST /Meetings/Edit")
                # The session could not be read during the outage: the same cookie works again once the database is back.
                time.sleep(0.5)
            if time.time() - started > 60:
                with lock:
                    results["gave_up"].append(title)
                break
            time.sleep(0.5)
    # Still signed in at the end, on the cookies it signed in with (or signed in with again, if it had to)?
    status, location, _ = request(opener, "/Meetings/Edit")
    with lock:
        results["final_check"][n] = {"status": status, "location": location}


def health():
    opener = client()
    while time.time() < deadline + 5:
        status, _, _ = request(opener, "/healthz")
        with lock:
            results["health"].append({"t": time.time(), "status": status})
        time.sleep(0.25)


threads = [threading.Thread(target=worker, args=(n,)) for n in range(CLIENTS)] + [threading.Thread(target=health)]
results["started"] = time.time()
for t in threads:
    t.start()
for t in threads:
    t.join()
results["ended"] = time.time()
with open(OUT, "w") as f:
    json.dump(results, f)
print(f"acknowledged {len(results['acknowledged'])}, failed attempts {results['failures']}, gave up {len(results['gave_up'])}")
