import Foundation

/// One page kept open in a headless Chromium while the test changes what it shows: python3 drives the
/// browser over the DevTools protocol on a pipe (no port, no network), so a test can see what a
/// reader with the page open would see, without touching the browser in between.
enum BrowserSession {
    struct Outcome: Decodable {
        /// The page's document was loaded anew (its time origin changed) without the test asking.
        var reloaded: Bool
        /// After the reload the page shows the expected text.
        var showsExpected: Bool
        /// The screenshot after the reload differs from the one before the edit.
        var screenshotDiffers: Bool
        /// Where the reader had scrolled to before, and where the reloaded page stands.
        var scrolledBefore: Double
        var scrolledAfter: Double
        var seconds: Double
    }

    /// Opens `page`, scrolls down, takes a screenshot, replaces `old` by `new` in `edit`, and waits
    /// (at most 30 s) until the open page shows `expected`; the screenshots go to `directory`.
    static func watchEdit(chromium: String, page: URL, edit: URL, replacing old: String, with new: String,
                          expected: String, directory: URL) throws -> Outcome {
        let script = directory.appendingPathComponent("open-page.py")
        try Data(python.utf8).write(to: script)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Browser.find(["python3"]) ?? "/usr/bin/python3")
        process.arguments = [script.path, chromium, page.path, directory.appendingPathComponent("open-profile").path,
                             edit.path, old, new, expected, directory.path]
        let out = directory.appendingPathComponent("open-page.out")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = process.standardOutput
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        let text = try String(contentsOf: out, encoding: .utf8)
        guard let last = text.split(separator: "\n").last, let outcome = try? JSONDecoder().decode(Outcome.self, from: Data(last.utf8)) else {
            throw BrowserSessionError(message: "the browser session failed: \(text.suffix(2000))")
        }
        return outcome
    }

    struct BrowserSessionError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    static let python = #"""
    import base64, json, os, subprocess, sys, time
    chromium, page, profile, edit, old, new, expected, out_dir = sys.argv[1:9]
    to_r, to_w = os.pipe()
    from_r, from_w = os.pipe()
    def descriptors():
        os.dup2(to_r, 3)
        os.dup2(from_w, 4)
    browser = subprocess.Popen(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
         "--user-data-dir=" + profile, "--window-size=1200,900", "about:blank"],
        pass_fds=(3, 4), preexec_fn=descriptors, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(to_r)
    os.close(from_w)
    state = {"id": 0, "buffer": b""}

    def call(method, params=None, session=None):
        state["id"] += 1
        message = {"id": state["id"], "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(to_w, json.dumps(message).encode() + b"\0")
        while True:
            while b"\0" not in state["buffer"]:
                chunk = os.read(from_r, 1 << 20)
                if not chunk:
                    raise SystemExit("chromium closed the pipe")
                state["buffer"] += chunk
            raw, state["buffer"] = state["buffer"].split(b"\0", 1)
            reply = json.loads(raw)
            if reply.get("id") == state["id"]:
                if "error" in reply:
                    raise SystemExit(method + ": " + json.dumps(reply["error"]))
                return reply["result"]

    try:
        target = call("Target.createTarget", {"url": "file://" + page})["targetId"]
        session = call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        def evaluate(expression):
            return call("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session)["result"].get("value")
        def screenshot():
            return base64.b64decode(call("Page.captureScreenshot", {"format": "png"}, session)["data"])
        deadline = time.time() + 20
        while evaluate("document.readyState") != "complete" and time.time() < deadline:
            time.sleep(0.1)
        origin = evaluate("performance.timeOrigin")
        # The page may be between two of its own reloads (every 2 s): scroll until it stays.
        scrolled_before = 0
        while time.time() < deadline:
            scrolled_before = evaluate("document.readyState == 'complete' ? (scrollTo(0, 400), scrollY) : 0") or 0
            if scrolled_before == 400:
                break
            time.sleep(0.1)
        before = screenshot()
        open(os.path.join(out_dir, "open-before.png"), "wb").write(before)
        started = time.time()
        text = open(edit, encoding="utf-8").read()
        if old not in text:
            raise SystemExit("the text to replace is not in " + edit)
        open(edit, "w", encoding="utf-8").write(text.replace(old, new))
        # The page reloads every few seconds: wait for a loaded one that shows the new text and
        # stands where the reader was (a reload in progress may not yet).
        check = ("[document.readyState == 'complete' && document.body.innerText.includes(" + json.dumps(expected)
                 + "), scrollY, performance.timeOrigin]")
        shows, scrolled_after, reloaded = False, None, False
        while time.time() < started + 30:
            time.sleep(0.25)
            shows, scrolled_after, now_origin = evaluate(check) or [False, None, origin]
            reloaded = reloaded or now_origin != origin
            if shows and scrolled_after == scrolled_before:
                break
        seconds = round(time.time() - started, 1)
        after = screenshot()
        open(os.path.join(out_dir, "open-after.png"), "wb").write(after)
        print(json.dumps({
            "reloaded": reloaded, "showsExpected": shows, "screenshotDiffers": after != before,
            "scrolledBefore": scrolled_before, "scrolledAfter": scrolled_after, "seconds": seconds}))
    finally:
        browser.kill()
    """#
}
