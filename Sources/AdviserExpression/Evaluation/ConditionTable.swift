/// The conditions of many programs, evaluated in order against one activation: the hot loop of
/// "every rule, for one piece of advice" (the counterpart of `Program.forEachCondition(in:range:)`,
/// one rule on many activations).
///
/// The engine's fast path, not an API: only the package can make or use one. The type itself is
/// public because the engine inlines `forEachCondition`, and a package class kept it from being
/// inlined into another module (the loop then called `body` once per program).
///
/// The programs' flat forms are copied into one buffer, in program order, so the loop reads
/// memory front to back. Kept apart, each program's flat form sat behind two pointers in a block
/// of its own, and waiting for those loads was the largest part of what a condition cost.
package final class ConditionTable: @unchecked Sendable {
    // @unchecked: the buffer is written once in init and freed in deinit.
    @usableFromInline let programs: [Program]
    @usableFromInline let ops: UnsafeMutableBufferPointer<FastPlan.Op>
    /// The flat form of program i is `ops[start[i]..<start[i + 1]]` (empty: it has none).
    @usableFromInline let start: [Int]

    package init(_ programs: [Program]) {
        self.programs = programs
        var start = [0]
        for program in programs { start.append(start[start.count - 1] + program.fastOps.count) }
        ops = .allocate(capacity: start[start.count - 1])
        for (i, program) in programs.enumerated() where !program.fastOps.isEmpty {
            _ = UnsafeMutableBufferPointer(rebasing: ops[start[i]..<start[i + 1]]).initialize(from: program.fastOps)
        }
        self.start = start
    }

    deinit {
        ops.deallocate()
    }

    package var count: Int { programs.count }

    /// Calls `body(i, programs[i].evaluateCondition(activation))` for each program, in order.
    /// Inlinable so that `body` is inlined into the loop rather than called once per program.
    @inlinable
    package func forEachCondition(_ activation: borrowing Activation, _ body: (Int, Bool?) throws -> Void) rethrows {
        let unboxed = activation.unboxed
        for i in programs.indices {
            let flat = UnsafeMutableBufferPointer(rebasing: ops[start[i]..<start[i + 1]])
            if !flat.isEmpty, let decided = FastPlan.evaluate(ops: flat, unboxed) {
                try body(i, decided)
            } else {
                // No flat form, or one that cannot decide: the program's own path, which ends in
                // the general evaluator.
                try body(i, programs[i].evaluateCondition(activation))
            }
        }
    }
}
