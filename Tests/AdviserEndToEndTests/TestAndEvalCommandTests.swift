import AdviserTestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `adviser test` and `adviser eval`, run as a user runs them.
struct TestAndEvalCommandTests {
    @Test func shippedWorkspaceTestsPass() throws {
        let result = try AdviserProcess.run(["test", "Rules"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").last?.hasSuffix(" passed, 0 failed") == true)
    }

    @Test func brokenExpectationFailsWithItsLocation() throws {
        let copy = try TemporaryWorkspace(copying: PackagePaths.fixtureWorkspace("minimal"))
        let marked = try #require(try copy.apply([Breakage("tests/business-cycle.yaml", replacing: "        price: {max: 4400}", with: "        ⏵price: {max: 4000}")]))
        let junit = copy.parent.appendingPathComponent("junit.xml")
        let result = try AdviserProcess.run(["test", "Rules", "--junit", junit.path], in: copy.parent)
        #expect(result.status == 1)
        #expect(result.stdout.contains("Rules/\(marked): expected price to be at most 4000 for sales-consultation × micro-retail under downturn, got 4300"))
        #expect(result.stdout.hasSuffix("\n0 passed, 1 failed\n"))
        // The JUnit file is well-formed XML with the failure in it.
        let document = try XMLDocument(contentsOf: junit)
        let failures = try document.nodes(forXPath: "//testcase/failure")
        #expect(failures.count == 1)
    }

    @Test func coverageListsUncoveredRulesAndMinimumFails() throws {
        let result = try AdviserProcess.run(["test", PackagePaths.fixtureWorkspace("minimal").path, "--coverage", "--min-coverage", "100"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("Rule coverage: 66.7% (2 of 3 rules fired by some test)"))
        #expect(result.stdout.contains("rules/business-cycle.yaml:16:9: expansion-grow-scope"))
        #expect(result.stderr.contains("below the required 100%"))
    }

    @Test func sweepReportsTheFirstCounterExample() throws {
        let copy = try TemporaryWorkspace(copying: PackagePaths.fixtureWorkspace("minimal"))
        try copy.write("tests/sweep.yaml", """
            tests:
              - name: Cheaper rivals never make us cut follow-up
                scenario: downturn
                offering: sales-consultation
                segment: micro-retail
                sweep:
                  fact: market.competitor_price_index
                  values: [0.8, 0.95, 1.2]
                  lever: follow_up_calls
                  direction: never-decreases
                expect: {}
            """)
        let result = try AdviserProcess.run(["test", "Rules"], in: copy.parent)
        #expect(result.status == 1)
        #expect(result.stdout.contains(
            "Rules/tests/sweep.yaml:9:14: expected follow_up_calls never to decrease as market.competitor_price_index rises, "
                + "but raising it from 0.8 to 0.95 lowered follow_up_calls from 5 to 0"))
    }

    @Test func evalPrintsValueAndType() throws {
        let rules = PackagePaths.fixtureWorkspace("minimal").path
        let a = try AdviserProcess.run(["eval", "segment.price_sensitivity >= 0.5", "--segment", "micro-retail", "--rules", rules])
        #expect(a.status == 0 && a.stdout == "true (bool)\n")
        let b = try AdviserProcess.run(["eval", "segment.price_sensitivty > 1", "--rules", rules])
        #expect(b.status == 1)
        #expect(b.stderr.contains("<expression>:1:1: error[undeclared-reference]: unknown fact 'segment.price_sensitivty' (did you mean 'segment.price_sensitivity'?)"))
    }
}
