/// The text syntax an input is written in.
public enum InputSyntax: String, Sendable, Hashable, CaseIterable {
    /// YAML (block or flow style).
    case yaml
    /// JSON.
    case json

    /// The syntax of a text: JSON when its first significant character (after a byte-order mark and white space)
    /// opens an object or array, YAML otherwise; an empty text goes by the file name (`.json` is JSON).
    public static func detect(_ text: String, file: String) -> InputSyntax {
        let first = text.unicodeScalars.first { !$0.properties.isWhitespace && $0 != "\u{FEFF}" }
        switch first {
        case "{", "[": return .json
        case nil: return file.lowercased().hasSuffix(".json") ? .json : .yaml
        default: return .yaml
        }
    }
}
