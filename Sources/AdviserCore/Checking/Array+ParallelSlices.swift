import Dispatch

extension Array where Element: Sendable {
    /// `map` over all cores in slices of `size` elements, results in order: for thousands of small
    /// independent pieces of work (a workspace's rules or conditions), where a task for each one
    /// would cost more than the work.
    func parallelMapInSlices<R: Sendable>(size: Int = 256, _ transform: @escaping @Sendable (Element) -> R) -> [R] {
        let slices = stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
        return parallelMap(slices) { $0.map(transform) }.flatMap { $0 }
    }

    /// Releases the elements over all cores, in slices of `size`: for thousands of objects that
    /// this array holds the last references to, and whose freeing (one node at a time) is about as
    /// long as making them was.
    consuming func releaseInSlices(size: Int = 256) {
        let elements = UnsafeMutableBufferPointer<Element>.allocate(capacity: count)
        _ = elements.initialize(fromContentsOf: self)
        _ = consume self
        nonisolated(unsafe) let owned = elements
        // Each slice is released by exactly one iteration.
        DispatchQueue.concurrentPerform(iterations: (owned.count + size - 1) / size) { slice in
            let start = slice * size
            (owned.baseAddress! + start).deinitialize(count: Swift.min(size, owned.count - start))
        }
        elements.deallocate()
    }
}
