import RoundTripCore

/// The DOT for one flow's round trip: hops left to right, clustered by VNet and subnet, forward and return paths
/// drawn distinctly with numbered steps, every NAT rewrite and deciding route or rule on its edge, the drop point
/// marked, the verdict in the title.
public enum PathDiagram {
    /// DOT text for a flow's trace. `id` prefixes every element id, so several diagrams can share one HTML page.
    /// A standalone diagram carries the reason and the fix in its title; an embedded one (the HTML report prints
    /// them beside it) keeps the title to the flow and its verdict.
    public static func dot(
        _ trace: FlowTrace, flow: Flow, in t: Topology, id: String = "d", fix: String? = nil, standalone: Bool = true
    ) -> String {
        var nodes: [Node] = []
        for hop in trace.forward + trace.reverse where !nodes.contains(hop.node) { nodes.append(hop.node) }
        if let dropped = trace.droppedAt, !nodes.contains(dropped) { nodes.append(dropped) }
        let index = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($0.element, $0.offset) })
        func nodeID(_ node: Node) -> String {
            guard let n = index[node] else { preconditionFailure("every node drawn is a hop or the drop point, all collected in `nodes`") }
            return "\(id)n\(n)"
        }

        var out = "digraph \(DOTText.quoted(id)) {\n"
        out += "  graph [id=\(DOTText.quoted(id)), rankdir=LR, newrank=true, nodesep=0.5, ranksep=0.9, "
        out += "fontname=\"\(DiagramStyle.font)\", fontsize=11, labelloc=t, labeljust=l, pad=0.3];\n"
        out += "  node [fontname=\"\(DiagramStyle.font)\", fontsize=10, shape=box, style=\"rounded,filled\", margin=\"0.15,0.07\"];\n"
        out += "  edge [fontname=\"\(DiagramStyle.font)\", fontsize=10, arrowsize=0.7];\n"
        out += "  label=<\(title(trace, flow: flow, in: t, fix: fix, standalone: standalone))>;\n"

        // Clusters: VNet → subnet → nodes; the rest outside.
        var bySubnet: [Int: [Node]] = [:]
        var outside: [Node] = []
        for node in nodes {
            if let s = t.subnet(of: node) { bySubnet[s, default: []].append(node) } else { outside.append(node) }
        }
        let vnets = Set(bySubnet.keys.map { t.subnets[$0].vnet }).sorted()
        for v in vnets {
            out += "  subgraph \"cluster_\(id)v\(v)\" {\n    id=\"\(id)v\(v)\";\n"
            out +=
                "    label=<<B>\(DOTText.html(t.vnets[v].name))</B> <FONT POINT-SIZE=\"9\">\(DOTText.html(t.vnets[v].addressSpace.map(\.description).joined(separator: ", ")))</FONT>>;\n"
            out += "    style=\"rounded\"; color=\"#9ca3af\"; fontsize=11;\n"
            for (s, members) in bySubnet.filter({ t.subnets[$0.key].vnet == v }).sorted(by: { $0.key < $1.key }) {
                let subnet = t.subnets[s]
                var label = "\(DOTText.html(subnet.name)) <FONT POINT-SIZE=\"9\">\(subnet.prefix)"
                if let table = subnet.routeTable { label += " · route table \(DOTText.html(t.routeTables[table].name))" }
                label += "</FONT>"
                out +=
                    "    subgraph \"cluster_\(id)w\(s)\" {\n      id=\"\(id)w\(s)\"; label=<\(label)>; style=\"rounded,dashed\"; color=\"#cbd5e1\"; fontsize=10;\n"
                for node in members { out += "      " + nodeLine(node, id: nodeID(node), trace: trace, in: t) }
                out += "    }\n"
            }
            out += "  }\n"
        }
        for node in outside { out += "  " + nodeLine(node, id: nodeID(node), trace: trace, in: t) }

        // Edges: one per move between distinct nodes, numbered per leg.
        var edgeCount = 0
        for (leg, hops, colour, style, prefix) in [
            ("forward", trace.forward, DiagramStyle.forward, "solid", "F"), ("return", trace.reverse, DiagramStyle.back, "dashed", "R"),
        ] {
            var step = 0
            var pending: [String] = []
            for (i, hop) in hops.enumerated() {
                pending += annotations(hop, in: t)
                guard i + 1 < hops.count else { break }
                let next = hops[i + 1]
                if next.node == hop.node { continue }
                step += 1
                edgeCount += 1
                var label = "<B>\(prefix)\(step)</B>"
                for line in pending { label += "<BR ALIGN=\"LEFT\"/>" + line }
                pending = []
                let failing = next.outcome == .dropped
                let edgeColour = failing ? DiagramStyle.failure : colour
                out += "  \(nodeID(hop.node)) -> \(nodeID(next.node)) [id=\"\(id)e\(edgeCount)\", color=\"\(edgeColour)\", "
                out += "fontcolor=\"\(edgeColour)\", style=\(style), penwidth=\(failing ? "2.2" : "1.6"), "
                out += "label=<\(label)<BR ALIGN=\"LEFT\"/>>, tooltip=\(DOTText.quoted("\(leg) step \(step)"))];\n"
            }
        }
        // The drop point.
        if let dropped = trace.droppedAt {
            out += "  \(id)drop [id=\"\(id)drop\", shape=note, style=filled, fillcolor=\"#fff1f0\", color=\"\(DiagramStyle.failure)\", "
            out += "fontcolor=\"\(DiagramStyle.failure)\", label=<<B>✖ \(trace.verdict.rawValue)</B><BR ALIGN=\"LEFT\"/>"
            out += DOTText.wrappedHTML(t.reasonText(of: trace), width: 60) + ">];\n"
            out +=
                "  \(nodeID(dropped)) -> \(id)drop [id=\"\(id)edrop\", color=\"\(DiagramStyle.failure)\", style=dotted, arrowhead=none];\n"
        }
        out += "}\n"
        return out
    }

    static func title(_ trace: FlowTrace, flow: Flow, in t: Topology, fix: String?, standalone: Bool) -> String {
        let colour = trace.verdict == .symmetric ? "#1b7f3b" : DiagramStyle.failure
        var label = "<B>\(DOTText.html(flow.name))</B>  \(DOTText.html(flow.fromText)) → \(DOTText.html(flow.toText)):\(flow.port)/"
        label += "\(flow.protocolType.rawValue)<BR ALIGN=\"LEFT\"/>"
        label += "<FONT COLOR=\"\(colour)\"><B>\(trace.verdict.rawValue)</B></FONT>"
        label +=
            "   <FONT COLOR=\"\(DiagramStyle.forward)\">━ forward (F)</FONT>   <FONT COLOR=\"\(DiagramStyle.back)\">┅ return (R)</FONT>"
        label += "<BR ALIGN=\"LEFT\"/>"
        guard standalone else { return label }
        if trace.verdict != .symmetric { label += DOTText.wrappedHTML(t.reasonText(of: trace), width: 110) }
        if let fix { label += "<B>fix:</B> " + DOTText.wrappedHTML(fix, width: 110) }
        return label
    }

    static func nodeLine(_ node: Node, id: String, trace: FlowTrace, in t: Topology) -> String {
        let dropped = trace.droppedAt == node
        var attributes = "id=\"\(id)\", fillcolor=\"\(DiagramStyle.fill(for: node, in: t))\""
        attributes += dropped ? ", color=\"\(DiagramStyle.failure)\", penwidth=3" : ", color=\"#4b5563\""
        if case .internetHost = node { attributes += ", shape=ellipse" }
        if case .onPremises = node { attributes += ", shape=folder" }
        let label =
            "<B>\(DOTText.html(t.name(of: node)))</B><BR/><FONT POINT-SIZE=\"9\">\(DOTText.html(t.facts(of: node).summary))</FONT>"
        return "\(id) [\(attributes), label=<\(label)>, tooltip=\(DOTText.quoted(t.label(of: node)))];\n"
    }

    /// Lines describing what happened at a hop: the decision, rewrites, sessions.
    static func annotations(_ hop: Hop, in t: Topology) -> [String] {
        var lines: [String] = []
        if let decision = hop.decision, decision != .session {
            lines.append(DOTText.html(shortDecision(decision, in: t)))
        }
        for r in hop.rewrites {
            lines.append(
                "\(r.kind.rawValue) \(r.field == .source ? "src" : "dst") \(r.beforeAddress):\(r.beforePort) → \(r.afterAddress):\(r.afterPort)"
            )
        }
        if let session = hop.session, session.kind != .missing, session.device.isStatefulForDiagram {
            lines.append("session \(session.kind.rawValue)")
        }
        return lines
    }

    /// A compact form of a decision for edge labels.
    static func shortDecision(_ decision: Decision, in t: Topology) -> String {
        switch decision {
        case .route(let s, let i):
            let route = t.effectiveRoutes[s].routes[i]
            let hop = route.nextHopType.rawValue + (route.nextHopIP.map { " \($0)" } ?? "")
            if case .user(let table, let r) = route.origin {
                return "\(route.serviceTag ?? route.prefix.description) → \(hop) (\(t.routeTables[table].routes[r].name))"
            }
            return "\(route.prefix) → \(hop) (\(route.source.rawValue.lowercased()))"
        case .firewallNatRule(let f, let c, let r): return "DNAT rule \(t.firewalls[f].natCollections[c].rules[r].name)"
        case .firewallNetworkRule(let f, let c, let r): return "network rule \(t.firewalls[f].networkCollections[c].rules[r].name)"
        case .firewallApplicationRule(let f, let c, let r):
            return "application rule \(t.firewalls[f].applicationCollections[c].rules[r].name)"
        case .loadBalancerRule(let lb, let r): return "LB rule \(t.loadBalancers[lb].rules[r].name)"
        case .appGatewayListener(let g, let l): return "listener \(t.appGateways[g].listeners[l].name)"
        default: return t.describeDecision(decision)
        }
    }
}

extension Device {
    var isStatefulForDiagram: Bool {
        switch self {
        case .firewall, .nic, .natGateway, .appGateway, .onPremisesEdge: return true
        default: return false
        }
    }
}
