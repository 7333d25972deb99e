import RoundTripCore

/// A strict RFC 8259 JSON reader that keeps the position of every value, for importers that must name
/// `file:line:column` and a JSON pointer for whatever they report.
///
/// Strict: no trailing commas, single quotes, NaN or Infinity, leading zeros, unescaped control characters, unpaired
/// surrogates, invalid UTF-8 or duplicate member names; a UTF-8 byte-order mark is skipped. Comments (`//` and
/// `/* */`, which ARM templates allow) only when asked for. Nesting is limited to ``maximumDepth`` levels and read
/// without recursion, so no input can exhaust the stack. The first problem ends the read with one located
/// diagnostic saying what was expected and what was found.
public enum JSONParser {
    /// The deepest nesting of arrays and objects accepted.
    public static let maximumDepth = 512

    /// Parses JSON bytes (UTF-8).
    ///
    /// - Parameters:
    ///   - bytes: the input (`[UInt8]`, `Data`, `String.UTF8View`, …); read in place when contiguous.
    ///   - file: the path to name in diagnostics.
    ///   - allowComments: whether `//` and `/* */` comments may appear where white space may.
    /// - Returns: the document's root value with positions.
    /// - Throws: ``DesignError`` with one diagnostic: `.syntax` (malformed JSON or nesting too deep), `.duplicateKey`
    ///   (a member name repeated in one object) or `.encoding` (bytes that are not UTF-8).
    public static func parse(
        _ bytes: some Collection<UInt8>, file: String, allowComments: Bool = false
    ) throws(DesignError) -> JSONNode {
        let result =
            bytes.withContiguousStorageIfAvailable { buffer in parse(buffer: buffer, file: file, allowComments: allowComments) }
            ?? Array(bytes).withUnsafeBufferPointer { buffer in parse(buffer: buffer, file: file, allowComments: allowComments) }
        return try result.get()
    }

    /// Parses JSON text; the same as parsing its UTF-8 bytes.
    public static func parse(_ text: String, file: String, allowComments: Bool = false) throws(DesignError) -> JSONNode {
        var text = text
        let result = text.withUTF8 { buffer in parse(buffer: buffer, file: file, allowComments: allowComments) }
        return try result.get()
    }

    static func parse(buffer: UnsafeBufferPointer<UInt8>, file: String, allowComments: Bool) -> Result<JSONNode, DesignError> {
        var reader = JSONReader(buffer, file: file, allowComments: allowComments)
        do {
            return .success(try reader.document())
        } catch {
            return .failure(error)
        }
    }
}

// MARK: - The reader

/// Byte values the reader tests.
private enum Byte {
    static let quote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")
    static let slash = UInt8(ascii: "/")
    static let star = UInt8(ascii: "*")
    static let comma = UInt8(ascii: ",")
    static let colon = UInt8(ascii: ":")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
    static let minus = UInt8(ascii: "-")
    static let plus = UInt8(ascii: "+")
    static let dot = UInt8(ascii: ".")
    static let zero = UInt8(ascii: "0")
    static let nine = UInt8(ascii: "9")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let singleQuote = UInt8(ascii: "'")
}

/// Exact powers of ten for the fast number path (10^0 … 10^22 are exact doubles).
private let exactPowersOfTen: [Double] = (0...22).map { exponent in
    var value = 1.0
    for _ in 0..<exponent { value *= 10 }
    return value
}

/// An array or object being read: its opening position and the children so far.
private struct Frame {
    var isObject: Bool
    var line: Int
    var column: Int
    var offset: Int
    var elements: [JSONNode] = []
    var members: [JSONObject.Member] = []
    /// Member names, once the object is large enough that a linear duplicate search would cost.
    var names: [String: Int]?
    /// The name of the member whose value is being read.
    var key = ""
    var keyLine = 0
    var keyColumn = 0
    var keyOffset = 0
}

/// Where a value is expected, for the message when none is found.
private enum ValueContext {
    case document
    case arrayStart
    case afterComma
    case member(String)
}

/// The reader over one contiguous input: a cursor, the current line and a column cache (columns are counted in
/// Unicode scalars from the last known position on the line, so a long single-line document costs linear time).
private struct JSONReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let end: Int
    let file: String
    let allowComments: Bool
    var position = 0
    var line = 1
    /// A position on the current line whose column is known, and that column.
    var columnOffset = 0
    var columnValue = 1
    /// Reused buffer for strings with escapes.
    var scratch: [UInt8] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>, file: String, allowComments: Bool) {
        self.bytes = bytes
        self.end = bytes.count
        self.file = file
        self.allowComments = allowComments
    }

    // MARK: positions

    /// The 1-based column of `offset`, which lies on the current line at or after the cached position.
    mutating func column(at offset: Int) -> Int {
        var column = columnValue
        var index = columnOffset
        while index < offset {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        columnOffset = offset
        columnValue = column
        return column
    }

    mutating func location(at offset: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column(at: min(offset, end)))
    }

    mutating func failure(
        at offset: Int, _ message: String, hint: String? = nil, code: Diagnostic.Code = .syntax
    ) -> DesignError {
        DesignError([Diagnostic(.error, code, at: location(at: offset), message, hint: hint)])
    }

    mutating func syntaxError(at offset: Int, expected: String, hint: String? = nil) -> DesignError {
        failure(at: offset, "JSON syntax error: expected \(expected), found \(found(at: offset))", hint: hint ?? self.hint(at: offset))
    }

    /// What is at `offset`, for messages: `'x'`, `'NaN'`, `a comment`, `a line break`, `end of input`.
    func found(at offset: Int) -> String {
        guard offset < end else { return "end of input" }
        let byte = bytes[offset]
        switch byte {
        case Byte.newline, Byte.carriageReturn: return "a line break"
        case 0..<0x20, 0x7F: return "control character U+\(hex(UInt32(byte), digits: 4))"
        case Byte.slash where offset + 1 < end && (bytes[offset + 1] == Byte.slash || bytes[offset + 1] == Byte.star):
            return "a comment"
        case _ where isWordByte(byte):
            var stop = offset
            while stop < end, stop - offset < 20, isWordByte(bytes[stop]) { stop += 1 }
            return "'\(text(offset, stop))'"
        case 0x20..<0x80:
            return "'\(Character(Unicode.Scalar(byte)))'"
        default:
            guard let (scalar, _) = scalar(at: offset) else { return "the byte 0x\(hex(UInt32(byte), digits: 2)), which is not UTF-8" }
            return "'\(Character(scalar))' (U+\(hex(scalar.value, digits: 4)))"
        }
    }

    /// A hint for common non-JSON spellings at `offset`.
    func hint(at offset: Int) -> String? {
        guard offset < end else { return nil }
        switch bytes[offset] {
        case Byte.singleQuote: return "JSON strings are written in double quotes"
        case Byte.slash where !allowComments: return found(at: offset) == "a comment" ? "JSON does not allow comments" : nil
        case UInt8(ascii: "N"), UInt8(ascii: "I"):
            let word = found(at: offset)
            return word == "'NaN'" || word == "'Infinity'" ? "JSON has no NaN or Infinity" : nil
        default: return nil
        }
    }

    func isWordByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (Byte.zero...Byte.nine).contains(byte) || byte == UInt8(ascii: "_")
    }

    func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    func text(_ start: Int, _ stop: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<stop]), as: UTF8.self)
    }

    /// The well-formed UTF-8 sequence at `offset` (lead byte ≥ 0x80) and its length, or nil.
    func scalar(at offset: Int) -> (Unicode.Scalar, Int)? {
        let lead = bytes[offset]
        let length: Int
        var value: UInt32
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: (length, value) = (2, UInt32(lead & 0x1F))
        case 0xE0: (length, value, low) = (3, UInt32(lead & 0x0F), 0xA0)
        case 0xE1...0xEC, 0xEE...0xEF: (length, value) = (3, UInt32(lead & 0x0F))
        case 0xED: (length, value, high) = (3, UInt32(lead & 0x0F), 0x9F)
        case 0xF0: (length, value, low) = (4, UInt32(lead & 0x07), 0x90)
        case 0xF1...0xF3: (length, value) = (4, UInt32(lead & 0x07))
        case 0xF4: (length, value, high) = (4, UInt32(lead & 0x07), 0x8F)
        default: return nil
        }
        guard offset + length <= end else { return nil }
        for index in 1..<length {
            let byte = bytes[offset + index]
            guard byte >= (index == 1 ? low : 0x80), byte <= (index == 1 ? high : 0xBF) else { return nil }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        guard let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }

    // MARK: white space

    /// Skips white space (and comments when allowed), counting lines.
    mutating func skipWhitespace() throws(DesignError) {
        while position < end {
            switch bytes[position] {
            case Byte.space, Byte.tab, Byte.carriageReturn:
                position += 1
            case Byte.newline:
                position += 1
                newLine()
            case Byte.slash where allowComments:
                try skipComment()
            default:
                return
            }
        }
    }

    mutating func newLine() {
        line += 1
        columnOffset = position
        columnValue = 1
    }

    mutating func skipComment() throws(DesignError) {
        let start = position
        guard position + 1 < end, bytes[position + 1] == Byte.slash || bytes[position + 1] == Byte.star else {
            throw syntaxError(at: position, expected: "'//' or '/*' to start a comment")
        }
        if bytes[position + 1] == Byte.slash {
            position += 2
            while position < end, bytes[position] != Byte.newline { position += 1 }
            return
        }
        let opening = location(at: start)
        position += 2
        while position < end {
            let byte = bytes[position]
            position += 1
            if byte == Byte.star, position < end, bytes[position] == Byte.slash {
                position += 1
                return
            }
            if byte == Byte.newline { newLine() }
        }
        throw DesignError([
            Diagnostic(.error, .syntax, at: opening, "JSON syntax error: expected '*/' to close the comment, found end of input")
        ])
    }

    // MARK: the document

    mutating func document() throws(DesignError) -> JSONNode {
        if end >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            position = 3
            columnOffset = 3
        }
        try skipWhitespace()
        var stack: [Frame] = []
        var context = ValueContext.document
        var node: JSONNode
        parsing: while true {
            // A value is expected at `position` (white space skipped).
            let start = position
            let startLine = line
            let startColumn = column(at: min(start, end))
            guard position < end else { throw valueExpected(context) }
            switch bytes[position] {
            case Byte.openBrace, Byte.openBracket:
                let isObject = bytes[position] == Byte.openBrace
                guard stack.count < JSONParser.maximumDepth else {
                    throw failure(
                        at: start, "JSON nesting is deeper than \(JSONParser.maximumDepth) levels of arrays and objects",
                        hint: "the reader stops there rather than risk running out of memory")
                }
                position += 1
                try skipWhitespace()
                let closing = isObject ? Byte.closeBrace : Byte.closeBracket
                if position < end, bytes[position] == closing {
                    position += 1
                    node = JSONNode(isObject ? .object(JSONObject()) : .array([]), line: startLine, column: startColumn, offset: start)
                } else {
                    var frame = Frame(isObject: isObject, line: startLine, column: startColumn, offset: start)
                    if isObject {
                        try memberName(into: &frame, expected: "a member name (a string in double quotes) or '}'")
                        context = .member(frame.key)
                    } else {
                        context = .arrayStart
                    }
                    stack.append(frame)
                    continue parsing
                }
            case Byte.quote:
                node = JSONNode(.string(try string()), line: startLine, column: startColumn, offset: start)
            case Byte.minus, Byte.zero...Byte.nine:
                node = JSONNode(try number(), line: startLine, column: startColumn, offset: start)
            case UInt8(ascii: "t"):
                guard literal("true") else { throw valueExpected(context) }
                node = JSONNode(.bool(true), line: startLine, column: startColumn, offset: start)
            case UInt8(ascii: "f"):
                guard literal("false") else { throw valueExpected(context) }
                node = JSONNode(.bool(false), line: startLine, column: startColumn, offset: start)
            case UInt8(ascii: "n"):
                guard literal("null") else { throw valueExpected(context) }
                node = JSONNode(.null, line: startLine, column: startColumn, offset: start)
            default:
                throw valueExpected(context)
            }

            // A value is complete: add it to its container, and close containers as long as they end.
            while let top = stack.indices.last {
                try skipWhitespace()
                if stack[top].isObject {
                    try add(node, to: &stack[top])
                    if position < end, bytes[position] == Byte.comma {
                        position += 1
                        try skipWhitespace()
                        try memberName(
                            into: &stack[top], expected: "a member name (a string in double quotes) after ','",
                            trailingComma: Byte.closeBrace)
                        context = .member(stack[top].key)
                        continue parsing
                    }
                    guard position < end, bytes[position] == Byte.closeBrace else {
                        throw syntaxError(at: position, expected: "',' or '}' after an object member")
                    }
                } else {
                    stack[top].elements.append(node)
                    if position < end, bytes[position] == Byte.comma {
                        position += 1
                        try skipWhitespace()
                        context = .afterComma
                        continue parsing
                    }
                    guard position < end, bytes[position] == Byte.closeBracket else {
                        throw syntaxError(at: position, expected: "',' or ']' after an array element")
                    }
                }
                position += 1
                let frame = stack.removeLast()
                let value: JSONValue = frame.isObject ? .object(JSONObject(frame.members)) : .array(frame.elements)
                node = JSONNode(value, line: frame.line, column: frame.column, offset: frame.offset)
            }
            break parsing
        }
        try skipWhitespace()
        guard position == end else { throw syntaxError(at: position, expected: "the end of input after the JSON value") }
        return node
    }

    mutating func valueExpected(_ context: ValueContext) -> DesignError {
        switch context {
        case .document:
            return syntaxError(at: position, expected: "a JSON value (an object, array, string, number, true, false or null)")
        case .arrayStart:
            return syntaxError(at: position, expected: "a value or ']'")
        case .afterComma:
            let trailing = position < end && bytes[position] == Byte.closeBracket
            return syntaxError(
                at: position, expected: "a value after ','", hint: trailing ? "JSON does not allow a trailing comma; remove the ','" : nil)
        case .member(let key):
            return syntaxError(at: position, expected: "a value for member '\(key)'")
        }
    }

    /// Reads `"name" :` into the frame (white space after it skipped).
    mutating func memberName(into frame: inout Frame, expected: String, trailingComma: UInt8? = nil) throws(DesignError) {
        guard position < end, bytes[position] == Byte.quote else {
            var hint: String?
            if let trailingComma, position < end, bytes[position] == trailingComma {
                hint = "JSON does not allow a trailing comma; remove the ','"
            } else if position < end, isWordByte(bytes[position]) {
                hint = "member names are strings in double quotes"
            }
            throw syntaxError(at: position, expected: expected, hint: hint)
        }
        frame.keyOffset = position
        frame.keyLine = line
        frame.keyColumn = column(at: position)
        frame.key = try string()
        try skipWhitespace()
        guard position < end, bytes[position] == Byte.colon else {
            throw syntaxError(at: position, expected: "':' after the member name '\(frame.key)'")
        }
        position += 1
        try skipWhitespace()
    }

    /// Adds the member whose value was just read, rejecting a repeated name.
    mutating func add(_ node: JSONNode, to frame: inout Frame) throws(DesignError) {
        let key = frame.key
        var first: JSONObject.Member?
        if frame.names == nil, frame.members.count >= 16 {
            var names: [String: Int] = [:]
            for (index, member) in frame.members.enumerated() { names[member.key] = index }
            frame.names = names
        }
        if frame.names != nil {
            if let index = frame.names?.updateValue(frame.members.count, forKey: key) { first = frame.members[index] }
        } else {
            first = frame.members.first { $0.key == key }
        }
        if let first {
            let location = SourceLocation(file: file, line: frame.keyLine, column: frame.keyColumn)
            throw DesignError([
                Diagnostic(
                    .error, .duplicateKey, at: location,
                    "duplicate key '\(key)' in one object (first at line \(first.keyLine), column \(first.keyColumn))")
            ])
        }
        frame.members.append(
            JSONObject.Member(key: key, keyLine: frame.keyLine, keyColumn: frame.keyColumn, keyOffset: frame.keyOffset, node: node))
    }

    /// Whether `word` is at the cursor (then skipped).
    mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard end - position >= count else { return false }
        let pointer = word.utf8Start
        for index in 0..<count where bytes[position + index] != pointer[index] { return false }
        position += count
        return true
    }

    // MARK: strings

    /// Reads a string starting at its opening quote.
    mutating func string() throws(DesignError) -> String {
        let opening = position
        position += 1
        let start = position
        while position < end {
            let byte = bytes[position]
            if byte == Byte.quote {
                let text = text(start, position)
                position += 1
                return text
            }
            if byte == Byte.backslash { return try escapedString(from: start, opening: opening) }
            try plainByte(byte)
        }
        throw unterminated(opening)
    }

    /// Steps over one unescaped byte (and the rest of its UTF-8 sequence), rejecting control characters and invalid
    /// UTF-8.
    mutating func plainByte(_ byte: UInt8) throws(DesignError) {
        if byte >= 0x20 && byte < 0x80 {
            position += 1
        } else if byte < 0x20 {
            let name =
                byte == Byte.newline || byte == Byte.carriageReturn ? "a line break" : "control character U+\(hex(UInt32(byte), digits: 4))"
            throw failure(at: position, "JSON syntax error: a string cannot contain \(name); write it as an escape (\\n, \\t, \\u0001, …)")
        } else if let (_, length) = scalar(at: position) {
            position += length
        } else {
            throw failure(
                at: position, "the input is not UTF-8 text: byte 0x\(hex(UInt32(byte), digits: 2)) in a string is not UTF-8",
                code: .encoding)
        }
    }

    mutating func unterminated(_ opening: Int) -> DesignError {
        failure(
            at: position,
            "JSON syntax error: expected '\"' to close the string that starts at column \(column(at: opening)), found end of input")
    }

    /// Reads the rest of a string that has escapes, from its first character, into the scratch buffer.
    mutating func escapedString(from start: Int, opening: Int) throws(DesignError) -> String {
        scratch.removeAll(keepingCapacity: true)
        var run = start
        while position < end {
            let byte = bytes[position]
            if byte == Byte.quote {
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<position]))
                position += 1
                return String(decoding: scratch, as: UTF8.self)
            }
            guard byte == Byte.backslash else {
                try plainByte(byte)
                continue
            }
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<position]))
            let escape = position
            position += 1
            guard position < end else { throw unterminated(opening) }
            switch bytes[position] {
            case Byte.quote, Byte.backslash, Byte.slash: scratch.append(bytes[position])
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "n"): scratch.append(Byte.newline)
            case UInt8(ascii: "r"): scratch.append(Byte.carriageReturn)
            case UInt8(ascii: "t"): scratch.append(Byte.tab)
            case UInt8(ascii: "u"):
                position += 1
                appendUTF8(try unicodeEscape(escape))
                run = position
                continue
            default:
                throw syntaxError(at: position, expected: "an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX) after '\\'")
            }
            position += 1
            run = position
        }
        throw unterminated(opening)
    }

    /// Reads the four hex digits after `\u` (and a second `\uXXXX` for a surrogate pair).
    mutating func unicodeEscape(_ escape: Int) throws(DesignError) -> Unicode.Scalar {
        let unit = try hexDigits()
        switch unit {
        case 0xD800...0xDBFF:
            guard end - position >= 2, bytes[position] == Byte.backslash, bytes[position + 1] == UInt8(ascii: "u") else {
                throw failure(
                    at: escape,
                    "JSON syntax error: \\u\(hex(unit, digits: 4)) is a high surrogate and must be followed by a low surrogate \\uDC00…\\uDFFF"
                )
            }
            position += 2
            let low = try hexDigits()
            guard (0xDC00...0xDFFF).contains(low) else {
                throw failure(
                    at: escape,
                    "JSON syntax error: \\u\(hex(unit, digits: 4)) is a high surrogate and must be followed by a low surrogate \\uDC00…\\uDFFF, found \\u\(hex(low, digits: 4))"
                )
            }
            return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)) ?? "\u{FFFD}"
        case 0xDC00...0xDFFF:
            throw failure(at: escape, "JSON syntax error: \\u\(hex(unit, digits: 4)) is a low surrogate without a high surrogate before it")
        default:
            return Unicode.Scalar(unit) ?? "\u{FFFD}"
        }
    }

    mutating func hexDigits() throws(DesignError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard position < end else { throw syntaxError(at: position, expected: "4 hex digits after '\\u'") }
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case Byte.zero...Byte.nine: digit = byte - Byte.zero
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw syntaxError(at: position, expected: "4 hex digits after '\\u'")
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    mutating func appendUTF8(_ scalar: Unicode.Scalar) {
        let value = scalar.value
        switch value {
        case 0..<0x80:
            scratch.append(UInt8(value))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | value >> 6))
            scratch.append(UInt8(0x80 | value & 0x3F))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | value >> 12))
            scratch.append(UInt8(0x80 | value >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | value & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | value >> 18))
            scratch.append(UInt8(0x80 | value >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | value >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | value & 0x3F))
        }
    }

    // MARK: numbers

    /// Reads a number: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, keeping its text.
    mutating func number() throws(DesignError) -> JSONValue {
        let start = position
        let negative = bytes[position] == Byte.minus
        if negative { position += 1 }
        var mantissa: UInt64 = 0
        var significantDigits = 0
        guard position < end, isDigit(bytes[position]) else { throw syntaxError(at: position, expected: "a digit after '-'") }
        if bytes[position] == Byte.zero {
            position += 1
            if position < end, isDigit(bytes[position]) {
                var stop = position
                while stop < end, isDigit(bytes[stop]) { stop += 1 }
                throw failure(at: start, "JSON syntax error: a number must not start with a leading zero, found '\(text(start, stop))'")
            }
        } else {
            digits(&mantissa, &significantDigits)
        }
        var decimalExponent = 0
        var simple = true
        if position < end, bytes[position] == Byte.dot {
            position += 1
            guard position < end, isDigit(bytes[position]) else {
                throw syntaxError(at: position, expected: "a digit after the decimal point")
            }
            let fractionStart = position
            digits(&mantissa, &significantDigits)
            decimalExponent = fractionStart - position
        }
        if position < end, bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            var exponentNegative = false
            if position < end, bytes[position] == Byte.plus || bytes[position] == Byte.minus {
                exponentNegative = bytes[position] == Byte.minus
                position += 1
            }
            guard position < end, isDigit(bytes[position]) else { throw syntaxError(at: position, expected: "a digit in the exponent") }
            var exponent = 0
            while position < end, isDigit(bytes[position]) {
                if exponent < 100_000 { exponent = exponent * 10 + Int(bytes[position] - Byte.zero) }
                position += 1
            }
            decimalExponent += exponentNegative ? -exponent : exponent
        }
        if significantDigits > 15 { simple = false }
        let text = text(start, position)
        var value: Double
        if simple && decimalExponent >= -22 && decimalExponent <= 22 {
            // Clinger's fast path: mantissa and power of ten are exact, so one rounding gives the correct result.
            value = Double(mantissa)
            if decimalExponent < 0 {
                value /= exactPowersOfTen[-decimalExponent]
            } else {
                value *= exactPowersOfTen[decimalExponent]
            }
            if negative { value = -value }
        } else if let parsed = Double(text) {
            value = parsed
        } else {
            // Out of range for Double: the text is kept; the value saturates.
            value = mantissa == 0 || decimalExponent < 0 ? 0 : .infinity
            if negative { value = -value }
        }
        return .number(value, text: text)
    }

    func isDigit(_ byte: UInt8) -> Bool { byte >= Byte.zero && byte <= Byte.nine }

    /// Reads digits into the mantissa, counting significant digits (leading zeros of a fraction do not count).
    mutating func digits(_ mantissa: inout UInt64, _ significant: inout Int) {
        while position < end {
            let byte = bytes[position]
            guard isDigit(byte) else { return }
            if significant < 19 {
                mantissa = mantissa &* 10 &+ UInt64(byte - Byte.zero)
                if mantissa != 0 { significant += 1 }
            } else {
                significant += 1
            }
            position += 1
        }
    }
}
