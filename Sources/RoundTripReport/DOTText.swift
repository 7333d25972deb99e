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

    static func fill(for node: Node) -> String {
        switch node {
        case .firewall: return "#fde2e1"
        case .loadBalancer: return "#e3f0ff"
        case .appGateway: return "#e6f4ea"
        case .natGateway: return "#fff4d6"
        case .vnetGateway, .onPremises, .onPremisesEdge: return "#efe7fb"
        case .internetHost, .internet: return "#f3f4f6"
        case .nic, .peering, .vnet: return "#ffffff"
        }
    }

    static func kind(of node: Node, in t: Topology) -> String {
        switch node {
        case .internetHost(let a): return "Internet host · \(a)"
        case .internet: return "Internet"
        case .onPremises: return "on-premises network"
        case .onPremisesEdge: return "on-premises edge"
        case .nic(let w, let a): return "\(t.workloads[w].kind.rawValue) · \(a)"
        case .loadBalancer(let lb, let fe):
            return "\(t.loadBalancers[lb].isPublic ? "public" : "internal") load balancer · \(t.loadBalancers[lb].frontends[fe].name) · "
                + "\(t.loadBalancers[lb].frontends[fe].address)"
        case .firewall(let f, let i):
            return i.map { "Azure Firewall · instance \($0) · \(t.firewalls[f].instanceIPs[$0])" }
                ?? "Azure Firewall · \(t.firewalls[f].privateIP)"
        case .appGateway(let g, let i):
            return i.map { "Application Gateway · instance \($0) · \(t.appGateways[g].instanceIPs[$0])" } ?? "Application Gateway"
        case .natGateway(let n): return "NAT gateway · \(t.natGateways[n].addresses.map(\.description).joined(separator: ", "))"
        case .vnetGateway(let g): return "\(t.gateways[g].gatewayType.rawValue) gateway"
        case .peering: return "peering"
        case .vnet(let v): return "virtual network · \(t.vnets[v].addressSpace.map(\.description).joined(separator: ", "))"
        }
    }
}
