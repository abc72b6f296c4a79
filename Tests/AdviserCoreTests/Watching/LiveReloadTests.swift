import AdviserCore
import Testing

/// The watched brief: the refresh and the scroll keeper go into the head, and nowhere else.
struct LiveReloadTests {
    @Test func addsTheRefreshAndTheScrollKeeperAtTheEndOfTheHead() {
        let page = "<!DOCTYPE html>\n<html>\n<head>\n<title>t</title>\n</head>\n<body>&lt;/head&gt;</body>\n</html>\n"
        let live = LiveReload.html(page)
        #expect(live.hasPrefix("<!DOCTYPE html>\n<html>\n<head>\n<title>t</title>\n<meta http-equiv=\"refresh\" content=\"2\">\n<script>\n"))
        #expect(live.hasSuffix("</script>\n</head>\n<body>&lt;/head&gt;</body>\n</html>\n"))
        #expect(live.components(separatedBy: "<script>").count == 2)
    }

    @Test func leavesAPageWithoutAHeadAlone() {
        #expect(LiveReload.html("<p>no head</p>") == "<p>no head</p>")
    }
}
