/// One client to advise as read from a JSON line or a CSV row, before it is checked against the
/// workspace (segment, facts' ranges and values, offerings) by `BatchAdviser`, which checks every
/// kind of input the same way and in the same order.
public struct ClientInput: Sendable {
    var id: String
    var segment: String
    /// The client's facts, in the order their problems are reported: each a value for a declared
    /// `segment.*` fact, or why it is not one.
    var facts: [Fact]
    /// The offering ids to advise, or why they cannot be read; nil: those the segment is offered.
    var offerings: Result<[String], BatchFailure>?
    /// For a CSV row: the columns the segment and offerings came from, as the header names them.
    var segmentColumn: String?
    var offeringsColumn: String?

    /// A fact as given, or what is wrong with it.
    enum Fact: Sendable {
        case value(AdviserCore.Fact, FactValue, column: String?)
        case invalid(BatchFailure)
    }
}

/// Why a client cannot be advised: the error record's code, its message and, for a CSV row, the
/// column at fault.
public struct BatchFailure: Sendable, Error {
    public var code: BatchErrorCode
    public var message: String
    public var column: String?

    public init(_ code: BatchErrorCode, _ message: String, column: String? = nil) {
        self.code = code
        self.message = message
        self.column = column
    }
}
