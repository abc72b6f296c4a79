import Foundation
import AdviserExpression

/// Benchmarks, run on demand: `swift run -c release adviser-bench <subcommand> [options]`.
/// A plain switch on the first argument, so other subcommands can be added as cases.
@main
struct BenchMain {
    static let usage = """
        usage: adviser-bench <subcommand> [options]

        subcommands:
          conditions [--rules FILE --scenarios FILE] [--repeat N] [--per-call]
              Compile rule conditions and evaluate every rule on every scenario.
              Without --rules: ../shared/bench/conditions/L if present, else a synthetic
              workload (1,000 conditions × 10,000 fact sets).
          balance [--problems N] [--passes N] [--levers L] [--steps M] [--tolerance T] [--moves K] [--spread S]
                  [--order C,C,C] [--hold band|at-least] [--only N]
              Balance seeded problems with L flex levers × M grid steps each (default 8 × 100); median time per problem.
          generate DIR [--rules N] [--facts N] [--levers N] [--segments N] [--clients N]
              Write a synthetic workspace to DIR (and DIR/clients.jsonl with --clients).
          scale [--rules N] [--clients N] [--batch-rules N] [--passes N]
              Load + validate a generated N-rule workspace against libyaml's parse floor, batch advice
              throughput for N clients, peak memory (defaults: 10,000 rules, 100,000 clients, 500 rules).
          validate [DIR] [--rules N] [--scale] [--repeat N] [--keep DIR]
              Load + check + every analysis of DIR, or of a generated workspace whose rules often
              conflict (default 2,000 rules), or with --scale of the `scale` workspace (10,000 rules).
          load [DIR] [--rules N] [--passes N]
              Load + validate DIR (or a generated N-rule workspace) against libyaml's parse floor,
              with the read and check phases timed apart: the loop to profile the loader with.
        """

    static func main() {
        var args = Array(CommandLine.arguments.dropFirst())
        guard let command = args.first else {
            print(usage)
            exit(2)
        }
        args.removeFirst()
        switch command {
        case "conditions":
            ConditionsBench.run(args)
        case "balance":
            BalanceBenchmark.run(arguments: args)
        case "scale":
            ScaleBenchmark.run(arguments: args)
        case "generate":
            guard let dir = args.first, !dir.hasPrefix("--") else { fail("generate needs a folder") }
            var generator = WorkspaceGenerator()
            if let n = option("--rules", in: args).flatMap(Int.init) { generator.rules = n }
            if let n = option("--facts", in: args).flatMap(Int.init) { generator.facts = n }
            if let n = option("--levers", in: args).flatMap(Int.init) { generator.levers = n }
            if let n = option("--segments", in: args).flatMap(Int.init) { generator.segments = n }
            do {
                let bytes = try generator.write(to: dir)
                print("wrote \(dir): \(generator.rules) rules, \(bytes / 1_000) kB")
                if let n = option("--clients", in: args).flatMap(Int.init) {
                    try generator.writeClients(count: n, to: dir + "/clients.jsonl")
                    print("wrote \(dir)/clients.jsonl: \(n) clients")
                }
            } catch {
                fail("\(error)")
            }
        case "validate": ValidateBenchmark.run(arguments: args)
        case "load": LoadBenchmark.run(arguments: args)
        case "-h", "--help", "help":
            print(usage)
        default:
            FileHandle.standardError.write(Data("unknown subcommand '\(command)'\n\n\(usage)\n".utf8))
            exit(2)
        }
    }
}

/// Reads a flag's value from `--name VALUE`.
func option(_ name: String, in args: [String]) -> String? {
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("adviser-bench: \(message)\n".utf8))
    exit(1)
}
