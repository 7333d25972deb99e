import Foundation
import RoundTripCore
import RoundTripImport
import RoundTripTestSupport
import Testing

// The strict JSON reader against JSONSerialization: random values round-trip (split from JSONParserTests.swift to keep
// files under 400 lines).

extension JSONParserTests {
    /// A random JSON value, generated from a seed.
    indirect enum Sample {
        case null
        case bool(Bool)
        case int(Int)
        case double(Double)
        case string(String)
        case array([Sample])
        case object([String: Sample])

        static func random(_ random: inout SplitMix64, depth: Int) -> Sample {
            switch random.below(depth > 3 ? 5 : 7) {
            case 0: return .null
            case 1: return .bool(random.below(2) == 0)
            case 2: return .int(Int(bitPattern: UInt(random.next())) >> random.below(64))
            case 3:
                let value = Double(bitPattern: random.next())
                return value.isFinite ? .double(value) : .double(Double(random.below(1_000_000)) / 1_000)
            case 4: return .string(randomString(&random))
            case 5: return .array((0..<random.below(6)).map { _ in Sample.random(&random, depth: depth + 1) })
            default:
                var members: [String: Sample] = [:]
                for _ in 0..<random.below(6) { members[randomString(&random)] = Sample.random(&random, depth: depth + 1) }
                return .object(members)
            }
        }

        static func randomString(_ random: inout SplitMix64) -> String {
            let pool: [Unicode.Scalar] = ["a", "Z", " ", "\"", "\\", "/", "\n", "\t", "\u{0}", "\u{1F}", "\u{7F}", "é", "€", "😀", "𝄞", "~"]
            var text = ""
            for _ in 0..<random.below(12) { text.unicodeScalars.append(pool[random.below(pool.count)]) }
            return text
        }

        var foundation: Any {
            switch self {
            case .null: return NSNull()
            case .bool(let flag): return flag
            case .int(let number): return number
            case .double(let number): return number
            case .string(let text): return text
            case .array(let elements): return elements.map(\.foundation)
            case .object(let members): return members.mapValues(\.foundation)
            }
        }

        /// Whether a parsed node has this value.
        func matches(_ node: JSONNode) -> Bool {
            switch (self, node.value) {
            case (.null, .null): return true
            case (.bool(let a), .bool(let b)): return a == b
            case (.int(let a), .number): return node.int == a
            case (.double(let a), .number(let b, _)): return a == b
            case (.string(let a), .string(let b)): return a == b
            case (.array(let a), .array(let b)): return a.count == b.count && zip(a, b).allSatisfy { $0.matches($1) }
            case (.object(let a), .object(let b)):
                return a.count == b.count && a.allSatisfy { key, value in b[key].map(value.matches) ?? false }
            default: return false
            }
        }
    }

    @Test("random values written by JSONSerialization read back equal", arguments: [1, 2, 3, 4])
    func roundTrip(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        for round in 0..<250 {
            let sample = Sample.random(&random, depth: 0)
            let options: JSONSerialization.WritingOptions = round % 2 == 0 ? [.fragmentsAllowed] : [.fragmentsAllowed, .prettyPrinted]
            let data = try JSONSerialization.data(withJSONObject: sample.foundation, options: options)
            let node = try JSONParser.parse(data, file: "r.json")
            #expect(sample.matches(node), "\(String(decoding: data, as: UTF8.self))")
        }
    }
}
