/// What makes an HTML brief reload itself while `adviser watch` rewrites it: a refresh every few
/// seconds (a page opened from `file://` cannot ask whether its file changed: Chromium refuses it
/// fetches of `file://` URLs), and a few lines of script that keep the reader's scroll position
/// across reloads. Only the watch adds it; the brief `advise` writes stays static and script-free.
package enum LiveReload {
    /// How often the page reloads, in seconds: about as often as the watch looks at the files.
    package static let seconds = 2

    /// `page` (a whole HTML document) with the refresh and the scroll keeper at the end of its head.
    package static func html(_ page: String) -> String {
        guard let head = page.range(of: "</head>") else { return page }
        return page.replacingCharacters(in: head.lowerBound..<head.lowerBound, with: headLines)
    }

    static let headLines = """
        <meta http-equiv="refresh" content="\(seconds)">
        <script>
        // adviser watch: keep the reader's place across the reloads (storage may be off: then not).
        addEventListener("pagehide", () => { try { sessionStorage.setItem("adviser-scroll", String(scrollY)) } catch (e) {} });
        addEventListener("load", () => { try { scrollTo(0, Number(sessionStorage.getItem("adviser-scroll")) || 0) } catch (e) {} });
        </script>

        """
}
