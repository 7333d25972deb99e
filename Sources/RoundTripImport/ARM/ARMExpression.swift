/// A parsed ARM template language expression: the text between the brackets of `"[concat(parameters('p'), '-vnet')]"`.
indirect enum ARMExpression: Sendable, Hashable, CustomStringConvertible {
    /// `'text'` (quotes doubled inside: `'it''s'`).
    case string(String)
    /// An integer literal (`42`, `-1`).
    case int(Int)
    /// `true` or `false` written without parentheses.
    case bool(Bool)
    /// A function call: `concat(a, b)`, a user-defined `namespace.name(a)`. The name is kept as written.
    case call(String, [ARMExpression])
    /// Property access: `reference('x').ipAddress`.
    case member(ARMExpression, String)
    /// Index access: `variables('subnets')[0]`, `parameters('o')['key']`.
    case index(ARMExpression, ARMExpression)

    /// The expression written back in canonical form (messages, unknown values).
    var description: String {
        switch self {
        case .string(let text): return "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
        case .int(let number): return String(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .call(let name, let arguments): return name + "(" + arguments.map(\.description).joined(separator: ", ") + ")"
        case .member(let base, let name): return base.description + "." + name
        case .index(let base, let index): return base.description + "[" + index.description + "]"
        }
    }

    /// The lower-cased function name when this is a call.
    var functionName: String? {
        if case .call(let name, _) = self { return name.lowercased() }
        return nil
    }
}

/// How a JSON string in a template reads: a literal, a literal that began with an escaped `[[`, or an expression.
enum ARMTemplateString: Sendable, Hashable {
    /// Plain text (after removing the escape of `[[`).
    case literal(String)
    /// The expression text between the outer brackets.
    case expression(String)

    /// Classifies template text: `[…]` is an expression, `[[…` is the literal `[…`, anything else is literal.
    init(_ text: String) {
        if text.hasPrefix("[[") {
            self = .literal(String(text.dropFirst()))
        } else if text.hasPrefix("["), text.hasSuffix("]"), text.count >= 2 {
            self = .expression(String(text.dropFirst().dropLast()))
        } else {
            self = .literal(text)
        }
    }
}
