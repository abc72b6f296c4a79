extension Formula {
    /// The formula as a list of conjunctions of atoms; nil when it would have more than `limit`
    /// conjunctions (the formula is then treated as undecided).
    func disjunctiveNormalForm(limit: Int) -> [[Atom]]? {
        switch self {
        case .constant(let b): return b ? [[]] : []
        case .atom(let atom): return [[atom]]
        case .or(let parts):
            var result: [[Atom]] = []
            for part in parts {
                guard let terms = part.disjunctiveNormalForm(limit: limit) else { return nil }
                result += terms
                if result.count > limit { return nil }
            }
            return result
        case .and(let parts):
            var result: [[Atom]] = [[]]
            for part in parts {
                guard let terms = part.disjunctiveNormalForm(limit: limit) else { return nil }
                var next: [[Atom]] = []
                for a in result {
                    for b in terms {
                        next.append(a + b)
                        if next.count > limit { return nil }
                    }
                }
                result = next
            }
            return result
        }
    }
}
