import Foundation

/// The starter workspace `adviser init` writes: one offering, two segments, one ruleset, two
/// scenarios and a test file, every file commented. Built into the binary as string literals so an
/// installed `adviser` works away from this repository, without a resource bundle.
package enum StarterWorkspace {
    /// Every file, by path relative to the workspace folder, in the order they are written.
    package static let files: [(path: String, contents: String)] = [
        ("adviser.yaml", #"""
            # Workspace settings. The full reference: docs/rules.md in the Offering Adviser repository.
            name: My Business                 # shown on every report: put your business's name here
            default_scenario: current         # the market the advice runs under when you name none
            value_tolerance: 0.005            # value counts as "held" within half a point on the 0-100 index
            currency: EUR
            stale_after_days: 90              # warn when a scenario's figures are older than this

            """#),
        ("facts.yaml", #"""
            # Every fact a rule may read. market.* facts get their values from scenarios/,
            # segment.* facts from segments/. Give each a unit and a one-line doc.
            facts:
              - name: market.phase
                type: enum
                values: [expansion, peak, downturn, recovery]
                unit: phase
                doc: Where the business cycle stands.
              - name: market.competitor_price_index
                type: number
                unit: index (1 = our price)
                min: 0.5
                max: 2
                doc: What competitors typically charge for the same work, relative to our price.
              - name: segment.price_sensitivity
                type: number
                unit: 0..1
                min: 0
                max: 1
                doc: How strongly these clients react to price (1 = they buy on price alone).

            """#),
        ("offerings/consulting-package.yaml", #"""
            # One offering, described by its levers: the things you can turn up or down.
            # flex: true lets the adviser move a lever to keep the client's value where it is today.
            # cost: is your cost to serve, so reports can show the margin per client.
            id: consulting-package
            name: Consulting package
            doc: A fixed-scope package of working sessions, with follow-up calls afterwards.
            levers:
              - id: price
                name: Package price
                kind: price
                unit: EUR
                baseline: 3000        # what you charge today
                min: 1500
                max: 4500
                step: 100
                flex: true
              - id: coaching_hours
                name: Coaching hours
                kind: number
                unit: hours
                baseline: 12
                min: 4
                max: 24
                step: 1
                cost: 80              # your cost per hour
                flex: true
              - id: follow_up_calls
                name: Follow-up calls
                kind: number
                unit: calls
                baseline: 2
                min: 0
                max: 8
                step: 1
                cost: 60
                flex: true
              - id: payment_terms
                name: Payment terms
                kind: number
                unit: days
                baseline: 30
                min: 0
                max: 90
                step: 15
                cost: 4               # what a day of credit costs you
                flex: true

            """#),
        ("segments/small-firms.yaml", #"""
            # A client segment: who they are, and what drives their decision.
            # Each driver is a want, need, pain or fear; `importance` weighs it against the others;
            # `relieved_by` maps a lever's setting to relief between 0 (none) and 1 (fully).
            id: small-firms
            name: Small owner-run firms
            size: micro               # micro, sme or enterprise
            doc: One to ten people; the owner decides, and every euro counts.
            facts:
              price_sensitivity: 0.8
            drivers:
              - id: grow-sales
                name: Win more customers
                kind: want
                importance: 3
                relieved_by:
                  coaching_hours: {4: 0.3, 12: 0.7, 24: 0.9}
              - id: affordable
                name: Something they can afford now
                kind: need
                importance: 4
                relieved_by:
                  price: {1500: 1.0, 3000: 0.5, 4500: 0.1}
              - id: cash-flow
                name: Tight cash flow
                kind: pain
                importance: 3
                relieved_by:
                  payment_terms: {0: 0.1, 30: 0.5, 90: 0.9}
              - id: wasted-money
                name: Paying for advice that changes nothing
                kind: fear
                importance: 2
                relieved_by:
                  follow_up_calls: {0: 0.1, 4: 0.7, 8: 0.9}

            """#),
        ("segments/established-firms.yaml", #"""
            id: established-firms
            name: Established firms
            size: sme
            doc: Twenty to two hundred people with a sales team; they buy on results.
            facts:
              price_sensitivity: 0.3
            drivers:
              - id: repeatable-process
                name: A sales process that works without the owner
                kind: want
                importance: 4
                relieved_by:
                  coaching_hours: {4: 0.2, 12: 0.6, 24: 0.95}
              - id: team-adoption
                name: The team actually uses it
                kind: need
                importance: 3
                relieved_by:
                  follow_up_calls: {0: 0.1, 4: 0.7, 8: 0.9}
              - id: budget-overrun
                name: Costs running over budget
                kind: pain
                importance: 2
                relieved_by:
                  price: {1500: 0.9, 3000: 0.6, 4500: 0.3}
                  payment_terms: {0: 0.3, 30: 0.6, 90: 0.9}
              - id: disruption
                name: Disrupting the team in the busy season
                kind: fear
                importance: 1
                relieved_by:
                  coaching_hours: {4: 0.9, 12: 0.6, 24: 0.2}

            """#),
        ("rules/basics.yaml", #"""
            # Rules of thumb on one theme. Each rule: when it applies, why (in your client's words),
            # and what to do: adjust a lever, emphasize a driver, pin a lever, say a talking point.
            # Priorities: when two rules adjust the same lever, the higher priority wins.
            ruleset: basics
            doc: How the package flexes with the market.
            rules:
              - id: downturn-lower-price
                when: market.phase == "downturn" && segment.price_sensitivity >= 0.5
                why: In a downturn, price-sensitive clients look at what they actually pay first.
                priority: 10
                then:
                  - adjust: price
                    by: -10%
                  - emphasize: cash-flow
                    times: 1.5
                  - pin: payment_terms
                  - say: Lead with the lower price and the 30-day terms; the package still covers what matters most.
                    about: cash-flow
              - id: expansion-more-hours
                when: market.phase == "expansion"
                why: When business is growing, clients want to move faster and will use more hands-on help.
                then:
                  - adjust: coaching_hours
                    by: +4
                  - emphasize: want
                    times: 1.3
                  - say: Show how a few more coaching hours turns new demand into closed deals.
                    about: want
              - id: rivals-cheaper
                when: market.competitor_price_index < 0.9 && segment.price_sensitivity < 0.5
                why: Rivals charge less, and clients who buy on results need to see what the difference buys them.
                then:
                  - adjust: follow_up_calls
                    by: +2
                  - pin: price
                  - say: Compare what is included, not the headline price; our follow-up is what makes the change stick.
                    about: fear

            """#),
        ("scenarios/current.yaml", #"""
            # Market conditions. Record where each key figure came from: {value: ..., source: ...}.
            id: current
            name: Today's market
            doc: Our reading of the market this quarter.
            as_of: 2026-11-15          # when the figures were true; update it when you update them
            market:
              phase: expansion
              competitor_price_index: {value: 1.05, source: "Our own survey of five rivals' price lists"}

            """#),
        ("scenarios/downturn.yaml", #"""
            id: downturn
            name: Downturn
            doc: Orders falling, clients cutting costs, rivals discounting.
            as_of: 2026-11-15
            market:
              phase: downturn
              competitor_price_index: {value: 0.85, source: "Rivals' published discounts, November 2026"}

            """#),
        ("tests/basics.yaml", #"""
            # Tests of your rules, run by `adviser test`. Each names a scenario, offering and segment,
            # and what the advice must show.
            tests:
              - name: In a downturn, small firms get a lower price with value held
                scenario: downturn
                offering: consulting-package
                segment: small-firms
                expect:
                  fired: [downturn-lower-price]
                  not_fired: [rivals-cheaper]
                  levers:
                    price: {max: 2700}
                  held: true
                  talking_points: [cash-flow]
              - name: Established firms are not discounted in a downturn
                scenario: downturn
                segment: established-firms
                expect:
                  fired: [rivals-cheaper]
                  not_fired: [downturn-lower-price]
                  levers:
                    price: {min: 3000}
                  held: true
              - name: In an expansion, clients get more coaching hours
                scenario: current
                segment: all
                expect:
                  fired: [expansion-more-hours]
                  levers:
                    coaching_hours: 16
                  held: true
              - name: Value is held for every segment in every scenario
                scenario: all
                segment: all
                offering: all
                expect:
                  held: true
              - name: In a downturn, the dearer our rivals, the more we may charge (never less)
                scenario: downturn
                segment: all
                sweep:
                  fact: market.competitor_price_index
                  values: [0.6, 0.8, 0.9, 1.0, 1.2, 1.5]
                  lever: price
                  direction: never-decreases
                expect:
                  held: true

            """#),
    ]

    /// Writes the starter files into `directory` (created if needed), never overwriting a file that
    /// already exists. Returns the relative paths written and those left alone because they existed.
    package static func create(in directory: String) throws -> (created: [String], skipped: [String]) {
        let manager = FileManager.default
        let root = URL(fileURLWithPath: directory, isDirectory: true)
        try manager.createDirectory(at: root, withIntermediateDirectories: true)
        var created: [String] = [], skipped: [String] = []
        for file in files {
            let url = root.appendingPathComponent(file.path)
            if manager.fileExists(atPath: url.path) {
                skipped.append(file.path)
                continue
            }
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            // withoutOverwriting: a file that appeared since the check is still never replaced.
            try Data(file.contents.utf8).write(to: url, options: .withoutOverwriting)
            created.append(file.path)
        }
        return (created, skipped)
    }
}
