@testable import AdviserCore
import AdviserTestSupport
import Foundation
import Testing

struct JSONWriterTests {
    @Test func compactAndPrettyReadBackTheSame() throws {
        let value: JSONValue = .object([
            "b": .array([1, 2.5, "x", .null, .bool(true), .object([:]), .array([])]),
            "a": "quote \" backslash \\ newline \n tab \t control \u{01} é 🙂",
        ])
        let compact = value.serialized()
        #expect(compact == #"{"a":"quote \" backslash \\ newline \n tab \t control \u0001 é 🙂","b":[1,2.5,"x",null,true,{},[]]}"#)
        let pretty = value.serialized(pretty: true)
        let a = try JSONSerialization.jsonObject(with: Data(compact.utf8)) as? NSDictionary
        let b = try JSONSerialization.jsonObject(with: Data(pretty.utf8)) as? NSDictionary
        #expect(a == b)
        #expect(pretty.hasPrefix("{\n  \"a\" : "))
    }

    @Test func numbersPrintAsWrittenWithoutDust() {
        #expect(JSONValue.number(4800).serialized() == "4800")
        #expect(JSONValue.number(-0.25).serialized() == "-0.25")
        #expect(JSONValue.number(.nan).serialized() == "null")
    }

    /// Whole numbers are written digit by digit; they must read exactly as `String(Int64(n))`.
    @Test func wholeNumbersAsTheirIntegerText() {
        var random = SplitMix64(seed: 7)
        let edges: [Double] = [0, -0.0, 1, -1, 9, 10, 99, 100, 101, -1_000, 999_999_999_999_999, -999_999_999_999_999]
        let samples = (0..<500).map { _ in Double(Int64(bitPattern: random.next()) % 1_000_000_000_000_000) }
        for n in edges + samples {
            #expect(JSONValue.number(n).serialized() == String(Int64(n)), "\(n)")
        }
    }

    /// The comparison and tipping-point documents were written by `JSONEncoder`; the layout that
    /// replaced it writes the same bytes: empty lists and objects, negative zero, large whole
    /// numbers, floating-point dust and escapes included.
    @Test func foundationLayoutWritesWhatJSONEncoderWrote() throws {
        struct Item: Encodable {
            var text: String
            var numbers: [Double]
            var empty: [String] = []
            var none: [String: Int] = [:]
            var nested: [String: [Int]] = ["a": [], "b": [1]]
            var missing: String?
        }
        let numbers: [Double] = [0, -0.0, 1, -2.5, 0.1 + 0.2, 5e-7, 4e-5, 12_345_678.123456, 123_456_789_012_345, 1e15, 1e16, 1e21]
        let text = "slash / quote \" backslash \\ newline \n tab \t backspace \u{8} form feed \u{c} control \u{1} é 🙂"
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let expected = String(decoding: try encoder.encode([Item(text: text, numbers: numbers)]), as: UTF8.self)
        let value: JSONValue = .array([.object([
            "text": .string(text), "numbers": .array(numbers.map(JSONValue.number)), "empty": .array([]), "none": .object([:]),
            "nested": .object(["a": .array([]), "b": .array([1])]),
        ])])
        #expect(value.serialized(layout: .prettyAsFoundation) == expected)
    }

    @Test func computedNumbersAreRoundedToSixDecimals() {
        #expect(JSONWriter.rounded(0.1 + 0.2) == 0.3)
        #expect(JSONWriter.rounded(0.4364084999) == 0.436408)
        #expect(JSONValue.rounded(2.0000004).serialized() == "2")
    }
}
