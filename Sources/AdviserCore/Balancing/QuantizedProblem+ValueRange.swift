// What needs no search tables: the sums a problem can reach.

extension QuantizedProblem {
    /// The flex levers' summed value at the current setting, and the least and greatest
    /// sums any setting reaches.
    func valueRange() -> (current: Int64, least: Int64, greatest: Int64) {
        var now: Int64 = 0, least: Int64 = 0, greatest: Int64 = 0
        for f in 0..<leverCount {
            now += options.value[optionStart[f] + current[f]]
            var low = Int64.max, high = Int64.min
            for p in optionStart[f]..<optionStart[f + 1] {
                low = min(low, options.value[p]); high = max(high, options.value[p])
            }
            least += low; greatest += high
        }
        return (now, least, greatest)
    }
}
