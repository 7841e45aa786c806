#!/usr/bin/env python3
"""A heavy request by one user must not stall others: B's light requests (GET /api/me) timed alone, then while A
keeps six large document uploads going at once. Against a running ./run (WGIG_URL), with the admin as A and a
volunteer invited for the run as B. Prints the median and 95th percentile of B's requests and their ratio."""
import glob, json, os, re, statistics, sys, threading, time, urllib.request, uuid

url = os.environ.get("WGIG_URL", "http://127.0.0.1:5080")
data = os.path.join(os.path.dirname(__file__), "..", "..", ".data")
admin = re.search(r"^token=(.+)$", open(os.path.join(data, "admin.txt")).read(), re.M).group(1)

def call(method, path, token=None, body=None, content_type="application/json"):
    request = urllib.request.Request(url + path, method=method, data=body)
    if token:
        request.add_header("Authorization", "Bearer " + token)
    if body is not None:
        request.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(request, timeout=300) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()

# B: a volunteer invited for this run, signed up through the letter in .data/mail.
email = f"bench-{uuid.uuid4().hex[:8]}@example.org"
call("POST", "/api/invitations", admin, json.dumps({"email": email, "role": "volunteer"}).encode())
token = None
for _ in range(120):
    for path in glob.glob(os.path.join(data, "mail", "*.eml")):
        text = open(path, encoding="utf-8", errors="replace").read().replace("=\n", "")
        if email in text and (found := re.search(r"token=(wgiginv_[A-Za-z0-9_\-%]+)", text)):
            token = urllib.parse.unquote(found.group(1))
    if token:
        break
    time.sleep(0.5)
call("POST", "/api/accounts", None, json.dumps({"invitation": token, "password": "bench-password-long"}).encode())
request = urllib.request.Request(url + "/api/session", method="POST", data=json.dumps({"email": email, "password": "bench-password-long"}).encode(),
                                 headers={"Content-Type": "application/json"})
cookie = urllib.request.urlopen(request).headers["Set-Cookie"].split(";")[0]
request = urllib.request.Request(url + "/api/me/tokens", method="POST", data=b'{"name":"bench","days":1}',
                                 headers={"Content-Type": "application/json", "Cookie": cookie})
light_token = json.loads(urllib.request.urlopen(request).read())["token"]

status, body = call("POST", "/api/projects", admin, json.dumps({"name": f"Bench {uuid.uuid4().hex[:6]}", "sourceLanguage": "en", "targetLanguages": ["fr"]}).encode())
project = json.loads(body)["id"]
sample = open(os.environ.get("WGIG_SAMPLE", os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "samples", "wgig-preliminary-report-2005.md")), "rb").read() * 20

def light(n=40):
    times = []
    for _ in range(n):
        start = time.perf_counter()
        status, _ = call("GET", "/api/me", light_token)
        assert status == 200, status
        times.append((time.perf_counter() - start) * 1000)
    return times

def heavy(stop, outcomes):
    while not stop.is_set():
        boundary = uuid.uuid4().hex
        body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"doc-{uuid.uuid4().hex}.md\"\r\n"
                f"Content-Type: text/markdown\r\n\r\n").encode() + sample + f"\r\n--{boundary}--\r\n".encode()
        status, _ = call("POST", f"/api/projects/{project}/documents", admin, body, f"multipart/form-data; boundary={boundary}")
        outcomes.append(status)
        if status == 429:
            time.sleep(1)  # as Retry-After says

light(10)  # warm up
baseline = light()
stop, outcomes = threading.Event(), []
threads = [threading.Thread(target=heavy, args=(stop, outcomes)) for _ in range(6)]
for t in threads:
    t.start()
time.sleep(3)
loaded = light()
stop.set()
for t in threads:
    t.join()

def p(times, q):
    return statistics.quantiles(times, n=100)[q - 1]
print(f"document bytes per upload: {len(sample)}; uploads by A during the run: {len(outcomes)} "
      f"({outcomes.count(201)} created, {outcomes.count(429)} refused with 429)")
print(f"| B's GET /api/me | median ms | p95 ms |")
print(f"|---|---:|---:|")
print(f"| alone (baseline) | {statistics.median(baseline):.1f} | {p(baseline, 95):.1f} |")
print(f"| while A uploads 6 at once | {statistics.median(loaded):.1f} | {p(loaded, 95):.1f} |")
print(f"| ratio | {statistics.median(loaded) / statistics.median(baseline):.2f} | {p(loaded, 95) / p(baseline, 95):.2f} |")
