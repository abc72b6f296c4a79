/// The order that decides between options of one lever wherever a search has to prefer
/// one: less move, then more margin, then the lower option index. It mirrors the order on
/// settings among equally moved ones (`Balancer`): Σ move, −Σ margin, then the choice vector.
enum OptionOrder {
    /// Whether an option with (`move`, `margin`, `option` index) comes before another.
    @inline(__always) static func precedes(move: Int64, margin: Int64, option: Int,
                                           _ otherMove: Int64, _ otherMargin: Int64, _ otherOption: Int) -> Bool {
        if move != otherMove { return move < otherMove }
        if margin != otherMargin { return margin > otherMargin }
        return option < otherOption
    }
}
