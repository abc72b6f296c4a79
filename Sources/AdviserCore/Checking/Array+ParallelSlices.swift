extension Array where Element: Sendable {
    /// `map` over all cores in slices of `size` elements, results in order: for thousands of small
    /// independent pieces of work (a workspace's rules or conditions), where a task for each one
    /// would cost more than the work.
    func parallelMapInSlices<R: Sendable>(size: Int = 256, _ transform: @escaping @Sendable (Element) -> R) -> [R] {
        let slices = stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
        return parallelMap(slices) { $0.map(transform) }.flatMap { $0 }
    }
}
