import RoundTripCore

/// A JSON value as ``JSONParser`` reads it: every nested value is a ``JSONNode`` that keeps its position.
///
/// Not `indirect`: arrays and objects already hold their children out of line, so no case needs a box of its own
/// (one allocation less for every string and number).
public enum JSONValue: Sendable, Hashable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number: its value as a `Double` and its literal text as written, so integers beyond 2^53 and exact decimals
    /// are not lost (`1e400` is `+infinity` with its text kept).
    case number(Double, text: String)
    /// A string, escapes resolved.
    case string(String)
    /// An array, elements in document order.
    case array([JSONNode])
    /// An object, members in document order.
    case object(JSONObject)

    /// What kind of value this is, for messages: "null", "a boolean", "a number", "a string", "an array", "an object".
    public var kindDescription: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

/// A JSON value with the position of its first character in the input.
public struct JSONNode: Sendable, Hashable {
    /// The value.
    public var value: JSONValue
    /// 1-based line of the value's first character.
    public var line: Int
    /// 1-based column of the value's first character, counted in Unicode scalars (as the YAML reader counts).
    public var column: Int
    /// Byte offset of the value's first character in the input as given (a byte-order mark counts).
    public var offset: Int

    /// Creates a node.
    public init(_ value: JSONValue, line: Int, column: Int, offset: Int) {
        self.value = value
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// The node's position as a source location in `file`, with the JSON pointer when given.
    public func location(in file: String, pointer: JSONPointer? = nil) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column, jsonPointer: pointer?.description)
    }

    /// The string, or nil when the value is not a string.
    public var string: String? {
        if case .string(let text) = value { return text }
        return nil
    }

    /// The number as a `Double`, or nil when the value is not a number.
    public var double: Double? {
        if case .number(let number, _) = value { return number }
        return nil
    }

    /// The number's literal text (`443`, `1.50`, `1e3`), or nil when the value is not a number.
    public var numberText: String? {
        if case .number(_, let text) = value { return text }
        return nil
    }

    /// The number as an exact `Int`: integer literals read exactly (beyond 2^53 too); other literals only when their
    /// value is a whole number of magnitude below 2^53 (`443.0`, `1e3`). Nil for non-numbers, fractions and
    /// integers that do not fit an `Int`.
    public var int: Int? {
        guard case .number(let number, let text) = value else { return nil }
        if let exact = Int(text) { return exact }
        guard number.rounded(.towardZero) == number, abs(number) < 9_007_199_254_740_992 else { return nil }
        return Int(number)
    }

    /// The boolean, or nil when the value is not `true` or `false`.
    public var bool: Bool? {
        if case .bool(let flag) = value { return flag }
        return nil
    }

    /// Whether the value is `null`.
    public var isNull: Bool { value == .null }

    /// The elements, or nil when the value is not an array.
    public var array: [JSONNode]? {
        if case .array(let elements) = value { return elements }
        return nil
    }

    /// The object, or nil when the value is not an object.
    public var object: JSONObject? {
        if case .object(let members) = value { return members }
        return nil
    }

    /// The member named exactly `key` (case-sensitive), or nil when absent or the value is not an object.
    public subscript(key: String) -> JSONNode? { object?[key] }

    /// The array element at `index`, or nil when out of range or the value is not an array.
    public subscript(index: Int) -> JSONNode? {
        guard let elements = array, elements.indices.contains(index) else { return nil }
        return elements[index]
    }

    /// The node a JSON pointer names below this one, or nil when the path does not exist.
    public subscript(pointer: JSONPointer) -> JSONNode? {
        var node = self
        for token in pointer.tokens {
            switch node.value {
            case .object(let members):
                guard let next = members[token] else { return nil }
                node = next
            case .array(let elements):
                // RFC 6901: an index is "0" or digits without a leading zero.
                guard let index = Int(token), String(index) == token, elements.indices.contains(index) else { return nil }
                node = elements[index]
            default:
                return nil
            }
        }
        return node
    }
}

/// A JSON object: members in document order, with case-sensitive and case-insensitive lookup.
public struct JSONObject: Sendable, Hashable {
    /// One member: its name with the name's position, and its value.
    public struct Member: Sendable, Hashable {
        /// The member name, escapes resolved.
        public var key: String
        /// 1-based line of the name's opening quote.
        public var keyLine: Int
        /// 1-based column of the name's opening quote, in Unicode scalars.
        public var keyColumn: Int
        /// Byte offset of the name's opening quote.
        public var keyOffset: Int
        /// The value.
        public var node: JSONNode

        /// Creates a member.
        public init(key: String, keyLine: Int, keyColumn: Int, keyOffset: Int, node: JSONNode) {
            self.key = key
            self.keyLine = keyLine
            self.keyColumn = keyColumn
            self.keyOffset = keyOffset
            self.node = node
        }

        /// The name's position as a source location in `file`, with the JSON pointer when given.
        public func keyLocation(in file: String, pointer: JSONPointer? = nil) -> SourceLocation {
            SourceLocation(file: file, line: keyLine, column: keyColumn, jsonPointer: pointer?.description)
        }
    }

    /// The members in document order (names are unique: ``JSONParser`` rejects duplicates).
    public var members: [Member]

    /// Creates an object from members in document order.
    public init(_ members: [Member] = []) { self.members = members }

    /// The member names in document order.
    public var keys: [String] { members.map(\.key) }

    /// The number of members.
    public var count: Int { members.count }

    /// Whether the object has no members.
    public var isEmpty: Bool { members.isEmpty }

    /// The value of the member named exactly `key` (case-sensitive).
    public subscript(key: String) -> JSONNode? {
        for member in members where member.key == key { return member.node }
        return nil
    }

    /// The first member (in document order) whose name equals `key` ignoring case, as Azure and ARM compare property
    /// names; the member tells the name as written and its position.
    public func member(forKeyIgnoringCase key: String) -> Member? {
        for member in members where Self.equalIgnoringCase(member.key, key) { return member }
        return nil
    }

    /// The value of the first member whose name equals `key` ignoring case (see ``member(forKeyIgnoringCase:)``).
    public func value(forKeyIgnoringCase key: String) -> JSONNode? { member(forKeyIgnoringCase: key)?.node }

    /// Case-insensitive equality: ASCII text compared byte by byte, other text by its lowercased form.
    static func equalIgnoringCase(_ lhs: String, _ rhs: String) -> Bool {
        guard lhs.utf8.allSatisfy({ $0 < 0x80 }), rhs.utf8.allSatisfy({ $0 < 0x80 }) else {
            return lhs.lowercased() == rhs.lowercased()
        }
        return lhs.utf8.count == rhs.utf8.count && zip(lhs.utf8, rhs.utf8).allSatisfy { lowerASCII($0) == lowerASCII($1) }
    }

    private static func lowerASCII(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }
}

/// An RFC 6901 JSON pointer (`/resources/3/properties/subnets/0`), built up as a reader descends.
public struct JSONPointer: Sendable, Hashable, CustomStringConvertible {
    /// The reference tokens, unescaped (`a/b` for the text `a~1b`).
    public private(set) var tokens: [String]

    /// The pointer to the whole document (the empty text).
    public static let root = JSONPointer()

    /// Creates a pointer from unescaped reference tokens.
    public init(tokens: [String] = []) { self.tokens = tokens }

    /// Parses pointer text: empty for the root, otherwise `/`-separated tokens with `~0` for `~` and `~1` for `/`.
    /// Nil when the text does not start with `/` or has a `~` not followed by `0` or `1`.
    public init?(_ text: String) {
        guard !text.isEmpty else {
            self.init()
            return
        }
        guard text.hasPrefix("/") else { return nil }
        var tokens: [String] = []
        for raw in text.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            var token = ""
            var iterator = raw.makeIterator()
            while let character = iterator.next() {
                guard character == "~" else {
                    token.append(character)
                    continue
                }
                switch iterator.next() {
                case "0": token.append("~")
                case "1": token.append("/")
                default: return nil
                }
            }
            tokens.append(token)
        }
        self.init(tokens: tokens)
    }

    /// This pointer extended by an object member name.
    public func appending(_ key: String) -> JSONPointer { JSONPointer(tokens: tokens + [key]) }

    /// This pointer extended by an array index.
    public func appending(_ index: Int) -> JSONPointer { JSONPointer(tokens: tokens + [String(index)]) }

    /// `pointer / "properties"`: the pointer extended by a member name.
    public static func / (pointer: JSONPointer, key: String) -> JSONPointer { pointer.appending(key) }

    /// `pointer / 3`: the pointer extended by an array index.
    public static func / (pointer: JSONPointer, index: Int) -> JSONPointer { pointer.appending(index) }

    /// The pointer text: each token after a `/`, `~` written `~0` and `/` written `~1`; empty for the root.
    public var description: String {
        var text = ""
        for token in tokens {
            text += "/"
            text += Self.escape(token)
        }
        return text
    }

    /// One token escaped for pointer text: `~` becomes `~0`, then `/` becomes `~1`.
    public static func escape(_ token: String) -> String {
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return token }
        var text = ""
        for scalar in token.unicodeScalars {
            switch scalar {
            case "~": text += "~0"
            case "/": text += "~1"
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text
    }
}
