import RoundTripCore

/// Reading the document: values, arrays and objects, without recursion.
extension JSONReader {

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
}
