extension Array where Element == Int64 {
    /// Entry i is the sum of elements i..<count, with one more entry (0) at the end: the
    /// searches read what the levers from i on add up to in O(1).
    func suffixSums() -> [Int64] {
        var sums = [Int64](repeating: 0, count: count + 1)
        for i in stride(from: count - 1, through: 0, by: -1) { sums[i] = sums[i + 1] + self[i] }
        return sums
    }
}
