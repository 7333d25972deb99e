/// Writes block-style YAML line by line, quoting every scalar that would not read back as the same string.
struct YAMLEmitter {
    private(set) var text = ""

    /// A comment line (`# …`) at an indentation; newlines in the comment start new comment lines.
    mutating func comment(_ comment: String, indent: Int) {
        for line in comment.split(separator: "\n", omittingEmptySubsequences: false) {
            text += String(repeating: " ", count: indent) + "# " + line + "\n"
        }
    }

    /// `key: value` at an indentation.
    mutating func field(_ key: String, _ value: String, indent: Int, dash: Bool = false) {
        text += prefix(indent, dash) + key + ": " + value + "\n"
    }

    /// `key:` opening a nested block.
    mutating func open(_ key: String, indent: Int, dash: Bool = false) {
        text += prefix(indent, dash) + key + ":\n"
    }

    /// A raw line, already indented.
    mutating func append(_ line: String) { text += line + "\n" }

    /// A list item that is a plain scalar (`- value`).
    mutating func item(_ value: String, indent: Int) {
        text += String(repeating: " ", count: indent) + "- " + value + "\n"
    }

    private func prefix(_ indent: Int, _ dash: Bool) -> String {
        String(repeating: " ", count: indent) + (dash ? "- " : "")
    }

    /// A string as a YAML scalar: plain when it is safe and reads back as the same string, double-quoted otherwise.
    static func scalar(_ value: String) -> String {
        if isPlainSafe(value) { return value }
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                    || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF
                {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A flow sequence of scalars (`[a, "b c"]`).
    static func sequence(_ values: [String]) -> String {
        "[" + values.map(scalar).joined(separator: ", ") + "]"
    }

    /// Words YAML 1.1 or 1.2 libraries read as something other than a string.
    private static let reserved: Set<String> = [
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~", "nan", ".nan", "inf", ".inf", "-.inf",
    ]

    private static func isPlainSafe(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first, let last = value.unicodeScalars.last else { return false }
        if reserved.contains(value.lowercased()) { return false }
        // Numbers, dates and times would not read back as strings.
        if value.unicodeScalars.allSatisfy({ "0123456789.+-:eE_".unicodeScalars.contains($0) }) { return false }
        if first == " " || last == " " || "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return false }
        for scalar in value.unicodeScalars {
            let ok =
                ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || "._/-@ ()".unicodeScalars.contains(scalar)
            if !ok { return false }
        }
        return !value.contains(": ") && !value.contains(" #")
    }
}
