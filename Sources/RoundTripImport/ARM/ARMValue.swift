import RoundTripCore

/// A value of the ARM template language while a template is evaluated: JSON's kinds with 64-bit integers, plus
/// `unknown` for what cannot be known offline (a `reference()` to a deployed resource, a `list*()` call). Whatever is
/// computed from an unknown is unknown: the reader records it, never guesses.
enum ARMValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    /// A number literal from the template that is not an integer (ARM expressions compute only with integers).
    case number(Double, text: String)
    case string(String)
    case array([ARMValue])
    case object(ARMObject)
    /// Not known before deployment; the text says why (`reference('hub-fw')`).
    case unknown(String)

    /// What kind of value this is, for messages.
    var kind: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .int, .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        case .unknown: return "an unknown value"
        }
    }

    /// The first unknown inside this value (itself, an element or a member), if any.
    var firstUnknown: String? {
        switch self {
        case .unknown(let reason): return reason
        case .array(let elements):
            for element in elements { if let reason = element.firstUnknown { return reason } }
            return nil
        case .object(let object):
            for value in object.values { if let reason = value.firstUnknown { return reason } }
            return nil
        default: return nil
        }
    }

    /// The value read from template JSON (positions are dropped).
    init(json node: JSONNode) {
        switch node.value {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .number(let number, let text):
            if let exact = node.int { self = .int(exact) } else { self = .number(number, text: text) }
        case .string(let text): self = .string(text)
        case .array(let elements): self = .array(elements.map(ARMValue.init(json:)))
        case .object(let members):
            self = .object(ARMObject(keys: members.members.map(\.key), values: members.members.map { ARMValue(json: $0.node) }))
        }
    }

    /// The value as JSON text (`string()` of arrays and objects, messages).
    var jsonText: String {
        switch self {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .number(_, let text): return text
        case .string(let text): return Self.quoted(text)
        case .array(let elements): return "[" + elements.map(\.jsonText).joined(separator: ",") + "]"
        case .object(let object):
            return "{" + zip(object.keys, object.values).map { Self.quoted($0) + ":" + $1.jsonText }.joined(separator: ",") + "}"
        case .unknown(let reason): return "<unknown: \(reason)>"
        }
    }

    /// The value as `format()`, `concat()` and `string()` write it: strings as they are, booleans as .NET writes them
    /// (`True`), arrays and objects as JSON.
    var displayText: String {
        switch self {
        case .string(let text): return text
        case .bool(let flag): return flag ? "True" : "False"
        case .null: return ""
        default: return jsonText
        }
    }

    private static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// The value as a JSON node at one position (every nested node gets the same position); nil when the value is
    /// unknown. Unknown members are left out and unknown elements become `null`, each recorded by its pointer.
    func node(
        line: Int, column: Int, offset: Int, pointer: JSONPointer, expression: String, unknowns: inout [String: String]
    ) -> JSONNode? {
        func make(_ value: JSONValue) -> JSONNode { JSONNode(value, line: line, column: column, offset: offset) }
        switch self {
        case .null: return make(.null)
        case .bool(let flag): return make(.bool(flag))
        case .int(let number): return make(.number(Double(number), text: String(number)))
        case .number(let number, let text): return make(.number(number, text: text))
        case .string(let text): return make(.string(text))
        case .unknown(let reason):
            unknowns[pointer.description] = Self.unknownText(expression: expression, reason: reason)
            return nil
        case .array(let elements):
            var nodes: [JSONNode] = []
            for (index, element) in elements.enumerated() {
                let child = element.node(
                    line: line, column: column, offset: offset, pointer: pointer / index, expression: expression, unknowns: &unknowns)
                nodes.append(child ?? make(.null))
            }
            return make(.array(nodes))
        case .object(let object):
            var members: [JSONObject.Member] = []
            for (key, value) in zip(object.keys, object.values) {
                guard
                    let child = value.node(
                        line: line, column: column, offset: offset, pointer: pointer / key, expression: expression, unknowns: &unknowns)
                else { continue }
                members.append(JSONObject.Member(key: key, keyLine: line, keyColumn: column, keyOffset: offset, node: child))
            }
            return make(.object(JSONObject(members)))
        }
    }

    /// How an unknown is recorded: the expression as written, and why when the reason is not the expression itself.
    static func unknownText(expression: String, reason: String) -> String {
        expression.contains(reason) ? expression : "\(expression): \(reason)"
    }
}

/// An ARM object value: members in order, looked up without regard to case as ARM does. An object returned by
/// `reference()` is open: a member the template does not set is unknown (Azure sets it at deployment), not missing.
struct ARMObject: Sendable, Hashable {
    var keys: [String] = []
    var values: [ARMValue] = []
    /// Set on `reference()` results: why a member the template does not set is unknown.
    var openReason: String?

    /// Equal members in order; whether the object is open does not count.
    static func == (lhs: ARMObject, rhs: ARMObject) -> Bool { lhs.keys == rhs.keys && lhs.values == rhs.values }

    /// Hashes what ``==`` compares.
    func hash(into hasher: inout Hasher) {
        hasher.combine(keys)
        hasher.combine(values)
    }

    /// The value of the member whose name equals `key` ignoring case.
    subscript(key: String) -> ARMValue? {
        guard let index = index(of: key) else { return nil }
        return values[index]
    }

    func index(of key: String) -> Int? {
        keys.firstIndex { JSONObject.equalIgnoringCase($0, key) }
    }

    /// Sets a member, replacing one of the same name (ignoring case).
    mutating func set(_ key: String, _ value: ARMValue) {
        if let index = index(of: key) {
            values[index] = value
        } else {
            keys.append(key)
            values.append(value)
        }
    }

    /// The object with `openReason` set on it and on every object nested in it.
    func opened(_ reason: String) -> ARMObject {
        var copy = self
        copy.openReason = reason
        copy.values = values.map { Self.open($0, reason) }
        return copy
    }

    private static func open(_ value: ARMValue, _ reason: String) -> ARMValue {
        switch value {
        case .object(let object): return .object(object.opened(reason))
        case .array(let elements): return .array(elements.map { open($0, reason) })
        default: return value
        }
    }
}
