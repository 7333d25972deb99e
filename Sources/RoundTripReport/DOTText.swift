import RoundTripCore

/// Escaping for DOT: every user-supplied string passes through here before it reaches Graphviz.
enum DOTText {
    /// Text for an HTML-like label (`label=<...>`): entities for `& < > " '`, line breaks as `<BR/>`, control
    /// characters dropped.
    static func html(_ text: String) -> String { MarkupEscaping.escape(text, newline: "<BR/>") }

    /// A double-quoted DOT string: backslashes and quotes escaped, newlines as `\n`, control characters dropped.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default:
                if scalar.properties.generalCategory == .control { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Words wrapped to lines of at most `width` characters, each escaped, joined with left-aligned breaks.
    static func wrappedHTML(_ text: String, width: Int = 80) -> String {
        TextReport.wrap(text, width: width).map(html).joined(separator: "<BR ALIGN=\"LEFT\"/>") + "<BR ALIGN=\"LEFT\"/>"
    }
}

/// Colours and styles shared by the diagrams.
enum DiagramStyle {
    static let forward = "#1f5fbf"
    static let back = "#c26a00"
    static let failure = "#c62828"
    static let muted = "#6b7280"
    static let font = "Helvetica"

    static func fill(for node: Node, in t: Topology) -> String { fill(t.facts(of: node).kind) }

    static func fill(_ kind: NodeFacts.Kind) -> String {
        switch kind {
        case .firewall: return "#fde2e1"
        case .loadBalancer: return "#e3f0ff"
        case .applicationGateway: return "#e6f4ea"
        case .natGateway: return "#fff4d6"
        case .virtualNetworkGateway, .onPremises, .onPremisesEdge: return "#efe7fb"
        case .internetHost, .internet: return "#f3f4f6"
        case .nic, .peering, .virtualNetwork: return "#ffffff"
        case .networkSecurityGroup: return "#fef3c7"
        }
    }
}

extension String {
    /// Every occurrence of `target` replaced (no Foundation in this module).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = self[...]
        while let range = rest.range(of: target) {
            out += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return out + rest
    }
}
