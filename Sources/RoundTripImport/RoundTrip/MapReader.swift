import Foundation
import RoundTripCore
import Yams

/// Reads one mapping: typed field access with positions, and a closing check for unknown keys.
struct MapReader {
    let sink: DiagnosticSink
    let node: Yams.Node
    /// What the mapping is, for messages (`subnet 'aks-subnet'`).
    var what: String
    let allowed: [String]
    var entries: [(key: String, keyNode: Yams.Node, value: Yams.Node)] = []
    var source: SourceMap

    /// Reads `node` as a mapping of `allowed` keys; reports a non-mapping and returns nil.
    init?(_ node: Yams.Node, what: String, allowed: [String], sink: DiagnosticSink) {
        self.sink = sink
        self.node = node
        self.what = what
        self.allowed = allowed
        source = SourceMap(element: sink.location(node))
        guard case .mapping(let mapping) = node else {
            sink.error(.wrongType, node, "\(what): expected a mapping of fields, found \(describe(node))")
            return nil
        }
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                sink.error(.wrongType, key, "\(what): keys must be plain names")
                continue
            }
            entries.append((name, key, value))
            source.fields[name] = sink.location(value)
        }
        for entry in entries where !allowed.contains(entry.key) {
            let hint = Suggestion.hint(for: entry.key, in: allowed) ?? "allowed: \(allowed.sorted().joined(separator: ", "))"
            sink.error(.unknownField, entry.keyNode, "\(what): unknown field '\(entry.key)'", hint: hint)
        }
    }

    func value(_ key: String) -> Yams.Node? { entries.first { $0.key == key }?.value }

    /// A required field, reported when missing.
    func required(_ key: String) -> Yams.Node? {
        if let v = value(key) { return v }
        sink.error(.missingField, node, "\(what): missing required field '\(key)'")
        return nil
    }

    // MARK: scalars

    func string(_ key: String) -> String? { value(key).flatMap { text($0, key) } }

    func requiredString(_ key: String) -> String? { required(key).flatMap { text($0, key) } }

    func text(_ node: Yams.Node, _ key: String) -> String? {
        guard case .scalar(let scalar) = node else {
            sink.error(.wrongType, node, "\(what): '\(key)' must be a string, found \(describe(node))")
            return nil
        }
        return scalar.string
    }

    /// A name: non-empty, printable, no '/'.
    func name(_ key: String = "name") -> String? {
        guard let node = required(key), let value = text(node, key) else { return nil }
        if value.isEmpty || value.contains("/") || value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            sink.error(.badName, node, "\(what): '\(key)' must be a non-empty name of printable characters without '/'")
            return nil
        }
        return value
    }

    func bool(_ key: String) -> Bool? {
        guard let node = value(key) else { return nil }
        if case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any {
            switch scalar.string {
            case "true": return true
            case "false": return false
            default: break
            }
        }
        sink.error(.wrongType, node, "\(what): '\(key)' must be true or false, found \(describe(node))")
        return nil
    }

    func int(_ key: String, range: ClosedRange<Int>, required isRequired: Bool = false) -> Int? {
        guard let node = isRequired ? required(key) : value(key) else { return nil }
        return integer(node, key, range: range)
    }

    func integer(_ node: Yams.Node, _ key: String, range: ClosedRange<Int>) -> Int? {
        guard case .scalar(let scalar) = node, let number = Int(scalar.string.trimmingCharacters(in: .whitespaces)) else {
            sink.error(.wrongType, node, "\(what): '\(key)' must be a whole number, found \(describe(node))")
            return nil
        }
        guard range.contains(number) else {
            sink.error(.outOfRange, node, "\(what): '\(key)' must be \(range.lowerBound) to \(range.upperBound), not \(number)")
            return nil
        }
        return number
    }

    func port(_ key: String, required isRequired: Bool = false) -> UInt16? {
        int(key, range: 0...65535, required: isRequired).map(UInt16.init)
    }

    func address(_ key: String, required isRequired: Bool = false) -> IPv4Address? {
        guard let node = isRequired ? required(key) : value(key) else { return nil }
        return parseAddress(node, key)
    }

    func parseAddress(_ node: Yams.Node, _ key: String) -> IPv4Address? {
        guard let value = text(node, key) else { return nil }
        if let address = IPv4Address(value.trimmingCharacters(in: .whitespaces)) { return address }
        sink.error(.badAddress, node, "\(what): '\(key)' expects an IPv4 address like 10.0.0.4, found '\(value)'")
        return nil
    }

    func prefix(_ key: String, required isRequired: Bool = false) -> IPv4Prefix? {
        guard let node = isRequired ? required(key) : value(key) else { return nil }
        return parsePrefix(node, key)
    }

    func parsePrefix(_ node: Yams.Node, _ key: String) -> IPv4Prefix? {
        guard let value = text(node, key) else { return nil }
        switch IPv4Prefix.parse(value.trimmingCharacters(in: .whitespaces)) {
        case .success(let prefix): return prefix
        case .failure(.hostBitsSet(let fixed)):
            sink.error(.badPrefix, node, "\(what): '\(key)' prefix '\(value)' has host bits set", hint: "did you mean \(fixed)?")
        case .failure(.badLength):
            sink.error(.badPrefix, node, "\(what): '\(key)' prefix '\(value)' needs a length from 0 to 32")
        case .failure(.malformed):
            sink.error(.badPrefix, node, "\(what): '\(key)' expects a CIDR prefix like 10.0.0.0/16, found '\(value)'")
        }
        return nil
    }

    func choice<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type, required isRequired: Bool = false) -> E?
    where E.RawValue == String {
        guard let node = isRequired ? required(key) : value(key), let value = text(node, key) else { return nil }
        if let match = E(rawValue: value) { return match }
        let names = E.allCases.map(\.rawValue)
        if let match = E.allCases.first(where: { $0.rawValue.lowercased() == value.lowercased() }) {
            return match  // Azure treats these enums case-insensitively
        }
        sink.error(
            .badValue, node, "\(what): '\(key)' must be one of \(names.joined(separator: ", ")), found '\(value)'",
            hint: Suggestion.hint(for: value, in: names))
        return nil
    }

    // MARK: lists

    /// The elements of a list field (a missing field is an empty list).
    func list(_ key: String) -> [Yams.Node] {
        guard let node = value(key) else { return [] }
        guard case .sequence(let sequence) = node else {
            sink.error(.wrongType, node, "\(what): '\(key)' must be a list, found \(describe(node))")
            return []
        }
        return Array(sequence)
    }

    func strings(_ key: String) -> [String] { list(key).compactMap { text($0, key) } }
    func addresses(_ key: String) -> [IPv4Address] { list(key).compactMap { parseAddress($0, key) } }
    func prefixes(_ key: String) -> [IPv4Prefix] { list(key).compactMap { parsePrefix($0, key) } }

    /// A port list: a list of `80`, `"443-444"`, `"*"`, or a single such value.
    func ports(_ key: String) -> [PortRange] {
        guard let node = value(key) else { return [] }
        let items: [Yams.Node]
        if case .sequence(let sequence) = node { items = Array(sequence) } else { items = [node] }
        var result: [PortRange] = []
        for item in items {
            guard let value = text(item, key) else { continue }
            for part in value.split(separator: ",") {
                guard let range = PortRange(String(part)) else {
                    sink.error(.badPort, item, "\(what): '\(key)' expects ports like 80, \"443-444\" or \"*\", found '\(value)'")
                    break
                }
                result.append(range)
            }
        }
        return result
    }
}

/// A node in words, for type-mismatch messages.
func describe(_ node: Yams.Node) -> String {
    switch node {
    case .scalar(let s): return "'\(s.string)'"
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    case .alias: return "an alias"
    }
}
