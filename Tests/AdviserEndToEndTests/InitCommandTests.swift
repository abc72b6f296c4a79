import AdviserCore
import AdviserTestSupport
import Foundation
import Testing

/// `adviser init`, run as a user runs it.
struct InitCommandTests {
    /// A fresh temporary folder, removed when the test ends.
    final class Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("adviser-init-\(UUID().uuidString)")
        init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: url) }
    }

    func contents(of root: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        for file in StarterWorkspace.files {
            result[file.path] = try String(contentsOf: root.appendingPathComponent(file.path), encoding: .utf8)
        }
        return result
    }

    @Test func initThenValidateStrictAndAdvise() throws {
        let folder = try Folder()
        let result = try AdviserProcess.run(["init", "MyRules"], in: folder.url)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        for file in StarterWorkspace.files {
            #expect(result.stdout.contains("created  MyRules/\(file.path)"), "\(result.stdout)")
        }
        #expect(result.stdout.contains("adviser validate MyRules"))
        #expect(result.stdout.contains("adviser --rules MyRules"))

        let validate = try AdviserProcess.run(["validate", "MyRules", "--strict"], in: folder.url)
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
        #expect(validate.stdout.hasSuffix("0 errors, 0 warnings in \(StarterWorkspace.files.count) files\n"))

        for scenario in ["current", "downturn"] {
            let advise = try AdviserProcess.run(["advise", "--rules", "MyRules", "--scenario", scenario], in: folder.url)
            #expect(advise.status == 0, "\(advise.stdout)\(advise.stderr)")
            #expect(advise.stdout.contains("value held in 2."), "\(advise.stdout)")
        }

        let test = try AdviserProcess.run(["test", "MyRules"], in: folder.url)
        #expect(test.status == 0, "\(test.stdout)\(test.stderr)")
        #expect(test.stdout.contains(" 0 failed"), "\(test.stdout)")
    }

    @Test func initTwiceSkipsEveryFileAndChangesNothing() throws {
        let folder = try Folder()
        let root = folder.url.appendingPathComponent("ws")
        let first = try AdviserProcess.run(["init", "ws"], in: folder.url)
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        // A user's edit must survive a second init.
        let edited = root.appendingPathComponent("adviser.yaml")
        let mine = try String(contentsOf: edited, encoding: .utf8).replacingOccurrences(of: "My Business", with: "Acme Ltd")
        try Data(mine.utf8).write(to: edited)
        let before = try contents(of: root)

        let second = try AdviserProcess.run(["init", "ws"], in: folder.url)
        #expect(second.status == 0, "\(second.stdout)\(second.stderr)")
        #expect(!second.stdout.contains("created "), "\(second.stdout)")
        for file in StarterWorkspace.files {
            #expect(second.stdout.contains("skipped  ws/\(file.path)"), "\(second.stdout)")
        }
        #expect(second.stdout.contains("0 created, \(StarterWorkspace.files.count) skipped."))
        #expect(try contents(of: root) == before)
        #expect(before["adviser.yaml"]?.contains("Acme Ltd") == true)
    }
}
