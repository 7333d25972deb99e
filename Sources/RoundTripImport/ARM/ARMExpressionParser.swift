/// Why an expression could not be parsed, and where: `offset` counts characters from the start of the expression text
/// (inside the brackets).
struct ARMExpressionError: Error, Sendable, Hashable {
    var message: String
    var offset: Int
}

/// Reads ARM template language expressions: literals (strings with `''` escapes, integers, `true`/`false`), function
/// calls (`concat(…)`, `ns.fn(…)`), property access (`.name`) and indexing (`[0]`, `['key']`). Nesting is limited to
/// ``maximumDepth`` so no input can exhaust the stack.
enum ARMExpressionParser {
    /// The deepest nesting of calls and indexes accepted.
    static let maximumDepth = 64

    /// Parses the text between an expression's brackets.
    static func parse(_ text: String) throws(ARMExpressionError) -> ARMExpression {
        var parser = Parser(characters: Array(text))
        parser.skipSpace()
        let expression = try parser.expression(depth: 0)
        parser.skipSpace()
        guard parser.atEnd else {
            throw ARMExpressionError(message: "expected the end of the expression, found '\(parser.rest)'", offset: parser.position)
        }
        return expression
    }

    private struct Parser {
        let characters: [Character]
        var position = 0

        var atEnd: Bool { position >= characters.count }
        var current: Character? { atEnd ? nil : characters[position] }
        var rest: String { String(characters[position...].prefix(20)) }

        mutating func skipSpace() {
            while let character = current, character.isWhitespace { position += 1 }
        }

        func error(_ message: String) -> ARMExpressionError {
            let found = atEnd ? "the end of the expression" : "'\(rest)'"
            return ARMExpressionError(message: "\(message), found \(found)", offset: position)
        }

        mutating func expression(depth: Int) throws(ARMExpressionError) -> ARMExpression {
            guard depth < ARMExpressionParser.maximumDepth else {
                throw ARMExpressionError(
                    message: "expression nested deeper than \(ARMExpressionParser.maximumDepth) levels", offset: position)
            }
            var result = try primary(depth: depth)
            while true {
                skipSpace()
                if current == "." {
                    position += 1
                    skipSpace()
                    guard let name = identifier() else { throw error("expected a property name after '.'") }
                    result = .member(result, name)
                } else if current == "[" {
                    position += 1
                    skipSpace()
                    let index = try expression(depth: depth + 1)
                    skipSpace()
                    guard current == "]" else { throw error("expected ']' after the index") }
                    position += 1
                    result = .index(result, index)
                } else {
                    return result
                }
            }
        }

        mutating func primary(depth: Int) throws(ARMExpressionError) -> ARMExpression {
            guard let character = current else { throw error("expected a value or function call") }
            if character == "'" { return .string(try stringLiteral()) }
            if character == "-" || character.isASCII && character.isNumber { return .int(try integer()) }
            let start = position
            guard var name = identifier() else { throw error("expected a value or function call") }
            skipSpace()
            // A user-defined function: namespace.name( … ).
            if current == ".", let qualified = qualifiedName() { name += "." + qualified }
            skipSpace()
            guard current == "(" else {
                switch name.lowercased() {
                case "true": return .bool(true)
                case "false": return .bool(false)
                default:
                    position = start
                    throw error("expected '(' after the function name '\(name)'")
                }
            }
            position += 1
            var arguments: [ARMExpression] = []
            skipSpace()
            if current == ")" {
                position += 1
                return .call(name, arguments)
            }
            while true {
                skipSpace()
                arguments.append(try expression(depth: depth + 1))
                skipSpace()
                if current == "," {
                    position += 1
                } else if current == ")" {
                    position += 1
                    return .call(name, arguments)
                } else {
                    throw error("expected ',' or ')' in the arguments of '\(name)'")
                }
            }
        }

        /// After `ns`, `.name(`: the name, consuming `.name`; nil (nothing consumed) when no call follows.
        mutating func qualifiedName() -> String? {
            let start = position
            position += 1
            skipSpace()
            if let name = identifier() {
                skipSpace()
                if current == "(" { return name }
            }
            position = start
            return nil
        }

        mutating func identifier() -> String? {
            guard let first = current, first.isLetter || first == "_" || first == "$" else { return nil }
            let start = position
            while let character = current, character.isLetter || character.isNumber || character == "_" || character == "$" {
                position += 1
            }
            return String(characters[start..<position])
        }

        mutating func stringLiteral() throws(ARMExpressionError) -> String {
            let start = position
            position += 1
            var text = ""
            while true {
                guard let character = current else {
                    throw ARMExpressionError(message: "a string that starts here has no closing quote", offset: start)
                }
                position += 1
                if character == "'" {
                    if current == "'" {
                        text.append("'")
                        position += 1
                    } else {
                        return text
                    }
                } else {
                    text.append(character)
                }
            }
        }

        mutating func integer() throws(ARMExpressionError) -> Int {
            let start = position
            if current == "-" { position += 1 }
            let digitsStart = position
            while let character = current, character.isASCII, character.isNumber { position += 1 }
            guard position > digitsStart else { throw error("expected digits after '-'") }
            if current == ".", position + 1 < characters.count, characters[position + 1].isNumber {
                throw error("expected an integer (template expressions have no fractions)")
            }
            guard let value = Int(String(characters[start..<position])) else {
                throw ARMExpressionError(message: "the integer does not fit in 64 bits", offset: start)
            }
            return value
        }
    }
}
