/// Escaping shared by every markup writer: HTML, XML (JUnit) and DOT's HTML-like labels.
enum MarkupEscaping {
    /// `& < > " '` as entities; `newline` replaces line feeds; other control characters are dropped (tabs kept
    /// when `keepTabs`), so no user-supplied name can break the document.
    static func escape(_ text: String, newline: String, apostrophe: String = "&#39;", keepTabs: String? = nil) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += apostrophe
            case "\n": out += newline
            case "\t":
                if let keepTabs { out += keepTabs }
            default:
                if scalar.properties.generalCategory == .control || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
