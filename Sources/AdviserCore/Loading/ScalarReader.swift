import Foundation

/// Reads typed values out of YAML scalars.
///
/// The composer leaves every scalar as text; this is where text becomes a number, a bool or a date,
/// by one strict grammar (YAML 1.2's core schema, minus its surprises): `yes`, `on`, `0x10`, `.5`
/// and `1_000` are refused with a hint rather than silently read as something else.
package enum ScalarReader {
    /// Why a scalar is not the value wanted, with a hint to fix it.
    package struct Problem: Error, Hashable, Sendable {
        package var message: String
        package var hint: String?
    }

    package static func number(_ scalar: YAMLScalar) -> Result<Double, Problem> {
        guard !scalar.isQuoted else {
            return .failure(Problem(message: "expected a number, found the text \"\(scalar.value)\"", hint: "remove the quotes"))
        }
        return number(scalar.value)
    }

    package static func number(_ text: String) -> Result<Double, Problem> {
        let t = trimmed(text)
        if isDecimal(t) {
            guard let value = Double(t), value.isFinite else {
                return .failure(Problem(message: "the number \(t) is too large", hint: nil))
            }
            return .success(value == 0 ? 0 : value)  // -0 reads as 0: it is never meant
        }
        let lower = t.lowercased()
        if [".nan", "nan", ".inf", "+.inf", "-.inf", "inf", "-inf", "infinity", "-infinity"].contains(lower) {
            return .failure(Problem(message: "expected a finite number, found '\(t)'", hint: "NaN and infinity are not allowed"))
        }
        if t.hasPrefix(".") || t.hasPrefix("-.") || t.hasPrefix("+.") {
            let fixed = t.replacingOccurrences(of: ".", with: "0.")
            return .failure(Problem(message: "expected a number, found '\(t)'", hint: "write \(fixed)"))
        }
        if lower.hasPrefix("0x") || lower.hasPrefix("0o") || lower.hasPrefix("0b") {
            return .failure(Problem(message: "expected a decimal number, found '\(t)'", hint: "write the number in decimal"))
        }
        if t.contains("_") || t.contains(","), isDecimal(t.replacingOccurrences(of: "_", with: "").replacingOccurrences(of: ",", with: "")) {
            let fixed = t.replacingOccurrences(of: "_", with: "").replacingOccurrences(of: ",", with: "")
            return .failure(Problem(message: "expected a number, found '\(t)'", hint: "write \(fixed) without separators"))
        }
        if t.hasSuffix("%") {
            return .failure(Problem(message: "expected a number, found '\(t)'", hint: "write the percentage as a plain number, e.g. \(t.dropLast())"))
        }
        return .failure(Problem(message: "expected a number, found '\(t)'", hint: nil))
    }

    package static func integer(_ scalar: YAMLScalar) -> Result<Int, Problem> {
        number(scalar).flatMap { value in
            guard value.rounded() == value, abs(value) < 9.0e15 else {
                return .failure(Problem(message: "expected a whole number, found \(scalar.value)", hint: nil))
            }
            return .success(Int(value))
        }
    }

    package static func bool(_ scalar: YAMLScalar) -> Result<Bool, Problem> {
        if !scalar.isQuoted {
            switch scalar.value {
            case "true": return .success(true)
            case "false": return .success(false)
            default: break
            }
        }
        let lower = scalar.value.lowercased()
        if ["yes", "on", "y", "true"].contains(lower) {
            return .failure(Problem(message: "expected true or false, found '\(scalar.value)'", hint: "write true"))
        }
        if ["no", "off", "n", "false"].contains(lower) {
            return .failure(Problem(message: "expected true or false, found '\(scalar.value)'", hint: "write false"))
        }
        return .failure(Problem(message: "expected true or false, found '\(scalar.value)'", hint: nil))
    }

    /// A calendar date `YYYY-MM-DD`, as days since 1970-01-01 (UTC), so comparisons need no calendar.
    package static func date(_ scalar: YAMLScalar) -> Result<Int, Problem> {
        let parts = scalar.value.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...daysIn(month: m, year: y)).contains(d)
        else {
            return .failure(Problem(message: "expected a date written YYYY-MM-DD, found '\(scalar.value)'", hint: nil))
        }
        return .success(daysSinceEpoch(year: y, month: m, day: d))
    }

    /// A change `-10%`, `+5%` (percent) or `-40`, `2` (units of the lever).
    package enum Change: Hashable, Sendable {
        case percent(Double)
        case units(Double)
    }

    package static func change(_ scalar: YAMLScalar) -> Result<Change, Problem> {
        let t = trimmed(scalar.value)
        if t.hasSuffix("%") {
            let body = trimmed(t.dropLast())
            guard isDecimal(body), let value = Double(body), value.isFinite else {
                return .failure(Problem(message: "expected a change such as -10% or +5%, found '\(t)'", hint: nil))
            }
            return .success(.percent(value))
        }
        return number(scalar).map { .units($0) }.mapError {
            Problem(message: "expected a change such as -10%, +5% or -40, found '\(t)'", hint: $0.hint)
        }
    }

    /// Spaces and tabs off both ends; the common case (none) costs two comparisons and no copy.
    static func trimmed(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last, isBlank(first) || isBlank(last) else { return text }
        return String(trimmed(text[...]))
    }

    /// Spaces and tabs off both ends of a slice, without Foundation (every `by:` of every rule is read).
    static func trimmed(_ text: Substring) -> Substring {
        var start = text.utf8.startIndex, end = text.utf8.endIndex
        while start < end, isBlank(text.utf8[start]) { text.utf8.formIndex(after: &start) }
        while end > start, isBlank(text.utf8[text.utf8.index(before: end)]) { text.utf8.formIndex(before: &end) }
        return text[start..<end]
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// Decimal numbers only: optional sign, digits, optional fraction, optional exponent.
    static func isDecimal(_ t: some StringProtocol) -> Bool {
        var chars = t.utf8[...]
        if let first = chars.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { chars = chars.dropFirst() }
        func digits() -> Int {
            var n = 0
            while let c = chars.first, c >= 48, c <= 57 { chars = chars.dropFirst(); n += 1 }
            return n
        }
        guard digits() > 0 else { return false }
        if chars.first == UInt8(ascii: ".") {
            chars = chars.dropFirst()
            guard digits() > 0 else { return false }
        }
        if let c = chars.first, c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
            chars = chars.dropFirst()
            if let s = chars.first, s == UInt8(ascii: "-") || s == UInt8(ascii: "+") { chars = chars.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return chars.isEmpty
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Howard Hinnant's days-from-civil algorithm.
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
