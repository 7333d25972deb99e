import Foundation
import RoundTripCore

/// String, logical, comparison and numeric functions.
extension ARMEvaluator {
    func scalarFunction(_ lower: String, _ args: ARMArguments) throws -> ARMValue? {
        switch lower {
        case "string":
            try args.expect(1...1)
            return .string(args[0].displayText)
        case "int":
            try args.expect(1...1)
            switch args[0] {
            case .int: return args[0]
            case .string(let text):
                guard let number = Int(text.trimmingCharacters(in: .whitespaces)) else {
                    throw ARMEvaluationError(.badValue, "int() cannot read '\(text)' as an integer")
                }
                return .int(number)
            case .number(let number, _) where number.rounded(.towardZero) == number && abs(number) < 9e15: return .int(Int(number))
            default: throw args.wrong(0, "a string or an integer")
            }
        case "bool":
            try args.expect(1...1)
            switch args[0] {
            case .bool: return args[0]
            case .int(let number): return .bool(number != 0)
            case .string(let text) where text.lowercased() == "true": return .bool(true)
            case .string(let text) where text.lowercased() == "false": return .bool(false)
            default: throw args.wrong(0, "'true', 'false', a boolean or an integer")
            }
        case "json":
            try args.expect(1...1)
            let text = try args.string(0)
            do {
                return ARMValue(json: try JSONParser.parse(text, file: "json()"))
            } catch {
                throw ARMEvaluationError(
                    .badValue, "json() cannot read its argument: \(error.diagnostics.first?.message ?? "malformed JSON")")
            }
        case "true", "false":
            try args.expect(0...0)
            return .bool(lower == "true")
        case "null":
            try args.expect(0...0)
            return .null
        case "concat": return try concat(args)
        case "format": return try format(args)
        case "tolower":
            try args.expect(1...1)
            return .string(try args.string(0).lowercased())
        case "toupper":
            try args.expect(1...1)
            return .string(try args.string(0).uppercased())
        case "trim":
            try args.expect(1...1)
            return .string(try args.string(0).trimmingCharacters(in: .whitespacesAndNewlines))
        case "replace":
            try args.expect(3...3)
            let old = try args.string(1)
            guard !old.isEmpty else { return args[0] }
            return .string(try args.string(0).replacingOccurrences(of: old, with: try args.string(2)))
        case "split": return try split(args)
        case "substring":
            try args.expect(2...3)
            let characters = Array(try args.string(0))
            let start = try args.int(1)
            let length = args.count == 3 ? try args.int(2) : characters.count - start
            guard start >= 0, length >= 0, start + length <= characters.count else {
                throw ARMEvaluationError(
                    .outOfRange, "substring(): start \(start) and length \(length) do not fit a string of \(characters.count) characters")
            }
            return .string(String(characters[start..<(start + length)]))
        case "startswith", "endswith":
            try args.expect(2...2)
            let text = try args.string(0).lowercased()
            let part = try args.string(1).lowercased()
            return .bool(lower == "startswith" ? text.hasPrefix(part) : text.hasSuffix(part))
        case "padleft":
            try args.expect(2...3)
            let text = args[0].displayText
            let width = try args.int(1)
            let pad = args.count == 3 ? try args.string(2) : " "
            guard pad.count == 1 else { throw ARMEvaluationError(.badValue, "padLeft() pads with one character, not '\(pad)'") }
            guard width <= 16_000 else { throw ARMEvaluationError(.outOfRange, "padLeft() to \(width) characters is too long") }
            return .string(String(repeating: pad, count: max(0, width - text.count)) + text)
        case "base64":
            try args.expect(1...1)
            return .string(Data(try args.string(0).utf8).base64EncodedString())
        case "base64tostring":
            try args.expect(1...1)
            guard let data = Data(base64Encoded: try args.string(0)), let text = String(data: data, encoding: .utf8) else {
                throw ARMEvaluationError(.badValue, "base64ToString() needs base64 text of UTF-8")
            }
            return .string(text)
        case "uricomponent":
            try args.expect(1...1)
            return .string(try args.string(0).addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        case "uniquestring":
            try args.expectAtLeast(1)
            return .string(Self.uniqueString(try (0..<args.count).map { try args.string($0) }))
        case "guid":
            try args.expectAtLeast(1)
            return .string(Self.guid(try (0..<args.count).map { try args.string($0) }))
        default: return try logicFunction(lower, args)
        }
    }

    private func logicFunction(_ lower: String, _ args: ARMArguments) throws -> ARMValue? {
        switch lower {
        case "equals":
            try args.expect(2...2)
            return .bool(Self.same(args[0], args[1]))
        case "not":
            try args.expect(1...1)
            return .bool(!(try args.bool(0)))
        case "greater", "less", "greaterorequals", "lessorequals":
            try args.expect(2...2)
            let order: Int
            switch (args[0], args[1]) {
            case (.int(let a), .int(let b)): order = a < b ? -1 : (a == b ? 0 : 1)
            case (.string(let a), .string(let b)): order = a < b ? -1 : (a == b ? 0 : 1)
            default:
                throw ARMEvaluationError(
                    .wrongType, "\(args.name)() compares two integers or two strings, not \(args[0].kind) and \(args[1].kind)")
            }
            switch lower {
            case "greater": return .bool(order > 0)
            case "less": return .bool(order < 0)
            case "greaterorequals": return .bool(order >= 0)
            default: return .bool(order <= 0)
            }
        case "add", "sub", "mul", "div", "mod":
            try args.expect(2...2)
            let a = try args.int(0)
            let b = try args.int(1)
            let result: (Int, Bool)
            switch lower {
            case "add": result = a.addingReportingOverflow(b)
            case "sub": result = a.subtractingReportingOverflow(b)
            case "mul": result = a.multipliedReportingOverflow(by: b)
            default:
                guard b != 0 else { throw ARMEvaluationError(.badValue, "\(args.name)() divides by zero") }
                result = lower == "div" ? a.dividedReportingOverflow(by: b) : a.remainderReportingOverflow(dividingBy: b)
            }
            guard !result.1 else { throw ARMEvaluationError(.outOfRange, "\(args.name)(\(a), \(b)) overflows 64 bits") }
            return .int(result.0)
        case "min", "max":
            try args.expectAtLeast(1)
            var numbers: [Int] = []
            if args.count == 1, case .array(let elements) = args[0] {
                numbers = try elements.map { element in
                    guard case .int(let number) = element else { throw ARMEvaluationError(.wrongType, "\(args.name)() needs integers") }
                    return number
                }
            } else {
                numbers = try (0..<args.count).map { try args.int($0) }
            }
            guard let result = lower == "min" ? numbers.min() : numbers.max() else {
                throw ARMEvaluationError(.badValue, "\(args.name)() of an empty array")
            }
            return .int(result)
        default: return nil
        }
    }

    /// ARM equality: strings compare exactly, objects by members (names ignoring case), numbers by value.
    static func same(_ lhs: ARMValue, _ rhs: ARMValue) -> Bool {
        switch (lhs, rhs) {
        case (.int(let a), .number(let b, _)), (.number(let b, _), .int(let a)): return Double(a) == b
        case (.array(let a), .array(let b)): return a.count == b.count && zip(a, b).allSatisfy { same($0, $1) }
        case (.object(let a), .object(let b)):
            return a.keys.count == b.keys.count
                && zip(a.keys, a.values).allSatisfy { key, value in b[key].map { same(value, $0) } ?? false }
        default: return lhs == rhs
        }
    }

    private func concat(_ args: ARMArguments) throws -> ARMValue {
        if args.count > 0, case .array = args[0] {
            var elements: [ARMValue] = []
            for index in 0..<args.count {
                switch args[index] {
                case .array(let more): elements += more
                case .null: continue
                case .unknown(let reason): return .unknown(reason)
                default: throw args.wrong(index, "an array (the first argument is one)")
                }
            }
            return .array(elements)
        }
        var text = ""
        for index in 0..<args.count {
            switch args[index] {
            case .array, .object: throw args.wrong(index, "a string (the first argument is one)")
            case .unknown(let reason): return .unknown(reason)
            case let value: text += value.displayText
            }
        }
        return .string(text)
    }

    private func split(_ args: ARMArguments) throws -> ARMValue {
        try args.expect(2...2)
        let text = try args.string(0)
        let delimiters: [String]
        switch args[1] {
        case .string(let delimiter): delimiters = [delimiter]
        case .array(let elements):
            delimiters = try elements.map { element in
                guard case .string(let delimiter) = element else { throw args.wrong(1, "a string or an array of strings") }
                return delimiter
            }
        default: throw args.wrong(1, "a string or an array of strings")
        }
        var parts = [text]
        for delimiter in delimiters where !delimiter.isEmpty {
            parts = parts.flatMap { $0.components(separatedBy: delimiter) }
        }
        return .array(parts.map(ARMValue.string))
    }

    /// `format()`: .NET composite formatting — `{0}`, `{1:D3}`, `{0:x}`, `{{` and `}}`.
    private func format(_ args: ARMArguments) throws -> ARMValue {
        try args.expectAtLeast(1)
        let pattern = Array(try args.string(0))
        var output = ""
        var position = 0
        while position < pattern.count {
            let character = pattern[position]
            if character == "{", position + 1 < pattern.count, pattern[position + 1] == "{" {
                output.append("{")
                position += 2
            } else if character == "}", position + 1 < pattern.count, pattern[position + 1] == "}" {
                output.append("}")
                position += 2
            } else if character == "{" {
                guard let close = pattern[position...].firstIndex(of: "}") else {
                    throw ARMEvaluationError(.badValue, "format(): '{' without a closing '}'")
                }
                let item = String(pattern[(position + 1)..<close])
                let parts = item.split(separator: ":", maxSplits: 1).map(String.init)
                let indexText = parts.first?.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
                guard let index = Int(indexText), index >= 0, index < args.count - 1 else {
                    throw ARMEvaluationError(.badValue, "format(): '{\(item)}' names no argument (\(args.count - 1) given)")
                }
                output += try Self.formatted(args[index + 1], parts.count > 1 ? parts[1] : nil)
                position = close + 1
            } else {
                output.append(character)
                position += 1
            }
        }
        return .string(output)
    }

    private static func formatted(_ value: ARMValue, _ specifier: String?) throws -> String {
        guard let specifier, let kind = specifier.first, case .int(let number) = value else { return value.displayText }
        let width = Int(specifier.dropFirst()) ?? 0
        let digits: String
        switch kind {
        case "D", "d": digits = String(number.magnitude)
        case "X": digits = String(number.magnitude, radix: 16).uppercased()
        case "x": digits = String(number.magnitude, radix: 16)
        case "N", "n", "F", "f":
            return String(number)
        default: throw ARMEvaluationError(.badValue, "format(): the specifier '\(specifier)' is not supported")
        }
        let padded = String(repeating: "0", count: max(0, min(width, 64) - digits.count)) + digits
        return number < 0 ? "-" + padded : padded
    }

    // MARK: - Stable placeholders

    /// FNV-1a over the parts (separated so `('ab','c')` and `('a','bc')` differ), seeded.
    static func hash(_ parts: [String], seed: UInt64) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ seed
        for part in parts {
            for byte in part.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
            hash ^= 0x1f
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// `uniqueString()` offline: 13 lower-case letters and digits, the same for the same arguments (not Azure's value).
    static func uniqueString(_ parts: [String]) -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567")
        var value = hash(parts, seed: 0)
        var text = ""
        for _ in 0..<13 {
            text.append(alphabet[Int(value & 31)])
            value >>= 5
            if value == 0 { value = hash(parts + [text], seed: 7) }
        }
        return text
    }

    /// `guid()` offline: a GUID-shaped text, the same for the same arguments (not Azure's value).
    static func guid(_ parts: [String]) -> String {
        let high = String(hash(parts, seed: 1), radix: 16)
        let low = String(hash(parts, seed: 2), radix: 16)
        let hex = Array(String(repeating: "0", count: 16 - high.count) + high + String(repeating: "0", count: 16 - low.count) + low)
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(hex[$0]) }.joined(separator: "-")
    }
}
