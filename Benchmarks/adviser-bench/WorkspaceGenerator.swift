import Foundation

/// Writes synthetic but valid workspaces and client files of any size, seeded, for benchmarks.
struct WorkspaceGenerator {
    var rules = 1_000
    var facts = 20
    var levers = 8
    var segments = 10
    var offerings = 3
    var rulesPerFile = 100
    var seed: UInt64 = 7

    static let phases = ["expansion", "peak", "downturn", "recovery"]

    /// Creates the workspace folder at `root` (which must not exist) and returns its size in bytes.
    @discardableResult
    func write(to root: String) throws -> Int {
        var random = SplitMix64(seed: seed)
        var bytes = 0
        let manager = FileManager.default
        for dir in ["offerings", "segments", "rules", "scenarios"] {
            try manager.createDirectory(atPath: "\(root)/\(dir)", withIntermediateDirectories: true)
        }
        func put(_ path: String, _ text: String) throws {
            bytes += text.utf8.count
            try text.write(toFile: "\(root)/\(path)", atomically: false, encoding: .utf8)
        }
        let marketFacts = max(1, facts / 2), segmentFacts = max(1, facts - facts / 2)
        try put("adviser.yaml", "name: Generated\ndefault_scenario: s0\nvalue_tolerance: 0.005\n")
        var factsText = "facts:\n  - {name: market.phase, type: enum, values: [\(Self.phases.joined(separator: ", "))], doc: Phase.}\n"
        for f in 0..<marketFacts { factsText += "  - {name: market.m\(f), type: number, unit: index, min: 0, max: 100, doc: Market fact \(f).}\n" }
        for f in 0..<segmentFacts { factsText += "  - {name: segment.s\(f), type: number, unit: index, min: 0, max: 100, doc: Segment fact \(f).}\n" }
        try put("facts.yaml", factsText)
        for o in 0..<offerings {
            var text = "id: o\(o)\nname: Offering \(o)\nlevers:\n"
            for l in 0..<levers {
                text += "  - {id: l\(l), kind: \(l == 0 ? "price" : "number"), baseline: 50, min: 0, max: 99, step: 1, cost: 0.5, flex: true}\n"
            }
            try put("offerings/o\(o).yaml", text)
        }
        for s in 0..<segments {
            var text = "id: g\(s)\nname: Segment \(s)\nsize: \(["micro", "sme", "enterprise"][s % 3])\nfacts:\n"
            for f in 0..<segmentFacts { text += "  s\(f): \(random.below(101))\n" }
            text += "drivers:\n"
            for d in 0..<4 {
                text += "  - id: d\(d)\n    kind: \(["want", "need", "pain", "fear"][d])\n    importance: \(1 + random.below(5))\n    relieved_by:\n"
                for l in 0..<levers where (l + d) % 2 == 0 || l == 0 {
                    let rising = (l + d) % 3 != 0
                    text += "      l\(l): {0: \(rising ? 0.1 : 0.9), 50: 0.5, 99: \(rising ? 0.9 : 0.1)}\n"
                }
            }
            try put("segments/g\(s).yaml", text)
        }
        for s in 0..<4 {
            var text = "id: s\(s)\nname: Scenario \(s)\nas_of: 2026-11-01\nmarket:\n  phase: \(Self.phases[s])\n"
            for f in 0..<marketFacts { text += "  m\(f): \(random.below(101))\n" }
            try put("scenarios/s\(s).yaml", text)
        }
        let ops = ["<", "<=", ">", ">="]
        // Texts come from their own stream, so that they can change without changing the conditions.
        var wording = SplitMix64(seed: seed &+ 2)
        var file = 0
        var r = 0
        while r < rules {
            var text = "ruleset: set\(file)\ndoc: \(Self.rulesetDoc)\nrules:\n"
            for _ in 0..<min(rulesPerFile, rules - r) {
                // Targeted like real rules: a phase, client size or offering, then two thresholds.
                var terms: [String] = []
                switch random.below(3) {
                case 0: terms.append("market.phase == \"\(Self.phases[random.below(4)])\"")
                case 1: terms.append("segment.size == \"\(["micro", "sme", "enterprise"][random.below(3)])\"")
                default: terms.append("offering.id == \"o\(random.below(offerings))\"")
                }
                for _ in 0..<2 {
                    if random.below(2) == 0 {
                        terms.append("market.m\(random.below(marketFacts)) \(ops[random.below(ops.count)]) \(random.below(101))")
                    } else {
                        terms.append("segment.s\(random.below(segmentFacts)) \(ops[random.below(ops.count)]) \(random.below(101))")
                    }
                }
                text += "  - id: r\(r)\n    when: \(terms.joined(separator: " && "))\n    why: \(Self.why(&wording))\n"
                text += "    priority: \(r)\n    then:\n"
                text += "      - adjust: l\(random.below(levers))\n        by: \(random.below(2) == 0 ? "-" : "+")\(1 + random.below(10))%\n"
                text += "      - emphasize: d\(random.below(4))\n        times: 1.\(1 + random.below(8))\n"
                text += "      - say: \(Self.talkingPoint(&wording))\n        about: \(["want", "need", "pain", "fear"][random.below(4)])\n"
                r += 1
            }
            try put("rules/set\(String(format: "%04d", file)).yaml", text)
            file += 1
        }
        return bytes
    }

    // Reasons and talking points as long as the shipped workspace's (a sentence of 120-180
    // characters, and of 60-90): rule texts are most of a real ruleset's bytes. 10,000 rules
    // then make about 5 MB, as real rules would.
    static let rulesetDoc = "Generated rules - what to offer, and how, as the market and the client change."

    static func why(_ random: inout SplitMix64) -> String {
        let when = [
            "When orders slow down", "While the market is growing", "At the top of the cycle",
            "As business picks up again", "When competitors cut their prices", "When inflation eats into budgets",
            "When demand outruns what we can deliver", "After a quiet quarter",
        ]
        let who = [
            "price-sensitive clients", "small firms", "established businesses", "enterprise buyers",
            "owner-managed companies", "clients who buy on results", "new clients", "loyal clients",
        ]
        let what = [
            "look first at what they actually pay", "say yes to a smaller first step they can afford",
            "care more about quick support than about extra features", "want to spread the cost over the year",
            "protect their cash before their budget", "value a longer commitment on better terms",
            "ask for proof before they pay for more", "fear being locked into a contract they cannot leave",
        ]
        let so = [
            "so we lower the price and trim the extras they value less right now",
            "so we offer longer terms and keep the essentials",
            "so we move effort to what they fear losing most", "so we make the first step smaller and cheaper",
            "so we add support hours and hold the price", "so we let them pay later without paying more",
        ]
        return "\(when[random.below(when.count)]), \(who[random.below(who.count)]) \(what[random.below(what.count)]), \(so[random.below(so.count)])."
    }

    static func talkingPoint(_ random: inout SplitMix64) -> String {
        let lead = [
            "Lead with the lower price;", "Start small;", "Keep the essentials;", "Offer the longer term;",
            "Show the support hours;", "Spread the payments;",
        ]
        let tail = [
            "what they pay comes down now, when it matters most.", "upgrading later costs nothing extra and keeps every record.",
            "the nice-to-haves come back when business does.", "the saving is theirs for as long as they stay.",
            "a real person answers within the hour, every working day.", "the project keeps going and the cash stays in the bank.",
        ]
        return "\(lead[random.below(lead.count)]) \(tail[random.below(tail.count)])"
    }

    /// One client per line: a segment, and sometimes overrides of segment facts.
    func writeClients(count: Int, to path: String) throws {
        var random = SplitMix64(seed: seed &+ 1)
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        var buffer = ""
        let segmentFacts = max(1, facts - facts / 2)
        for i in 0..<count {
            buffer += "{\"id\": \"c\(i)\", \"segment\": \"g\(random.below(segments))\""
            if random.below(2) == 0 { buffer += ", \"facts\": {\"s\(random.below(segmentFacts))\": \(random.below(101))}" }
            buffer += "}\n"
            if buffer.utf8.count > 1 << 16 {
                handle.write(Data(buffer.utf8))
                buffer = ""
            }
        }
        handle.write(Data(buffer.utf8))
        try handle.close()
    }
}
