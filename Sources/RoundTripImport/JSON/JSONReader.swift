import RoundTripCore

/// Byte values the reader tests.
enum Byte {
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
let exactPowersOfTen: [Double] = (0...22).map { exponent in
    var value = 1.0
    for _ in 0..<exponent { value *= 10 }
    return value
}

/// An array or object being read: its opening position and the children so far.
struct Frame {
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
enum ValueContext {
    case document
    case arrayStart
    case afterComma
    case member(String)
}

/// The reader over one contiguous input: a cursor, the current line and a column cache (columns are counted in
/// Unicode scalars from the last known position on the line, so a long single-line document costs linear time).
struct JSONReader {
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
}
