import RoundTripCore

/// The DOT for a design overview: VNets as clusters with their subnets and what sits in them, peerings, gateways,
/// on-premises networks, load balancers, firewalls, App Gateways, NAT gateways, public IPs, route tables with their
/// decisive routes, and the flows that have findings.
public enum TopologyDiagram {
    /// DOT text for the whole design.
    public static func dot(_ report: CheckReport, id: String = "topology") -> String {
        let t = report.topology
        var out = "digraph \(DOTText.quoted(id)) {\n"
        out += "  graph [id=\(DOTText.quoted(id)), rankdir=LR, compound=true, newrank=true, nodesep=0.35, ranksep=0.8, "
        out += "fontname=\"\(DiagramStyle.font)\", fontsize=12, labelloc=t, labeljust=l, pad=0.3];\n"
        out +=
            "  node [fontname=\"\(DiagramStyle.font)\", fontsize=9, shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", margin=\"0.12,0.05\"];\n"
        out += "  edge [fontname=\"\(DiagramStyle.font)\", fontsize=8, arrowsize=0.6, color=\"\(DiagramStyle.muted)\"];\n"
        let failing = report.results.filter { $0.trace.verdict != .symmetric && $0.trace.verdict != .denied }
        out += "  label=<<B>\(DOTText.html(t.name))</B>  <FONT POINT-SIZE=\"10\">\(report.results.count) flows, "
        out += "\(failing.count) with findings</FONT>>;\n"

        // Anchors: a node per subnet so edges can reach the cluster (lhead).
        func anchor(_ s: Int) -> String { "\(id)s\(s)" }
        var workloadNode: [Int: String] = [:]
        for (v, vnet) in t.vnets.enumerated() {
            out += "  subgraph \"cluster_\(id)v\(v)\" {\n    id=\"\(id)v\(v)\";\n"
            out +=
                "    label=<<B>\(DOTText.html(vnet.name))</B> <FONT POINT-SIZE=\"9\">\(DOTText.html(vnet.addressSpace.map(\.description).joined(separator: ", ")))</FONT>>;\n"
            out += "    style=rounded; color=\"#9ca3af\";\n"
            for s in vnet.subnets {
                let subnet = t.subnets[s]
                out += "    subgraph \"cluster_\(id)w\(s)\" {\n      id=\"\(id)w\(s)\";\n"
                out +=
                    "      label=<\(DOTText.html(subnet.name)) <FONT POINT-SIZE=\"8\">\(subnet.prefix)</FONT>>; style=\"rounded,dashed\"; color=\"#cbd5e1\"; fontsize=10;\n"
                let anchorID = anchor(s)
                out += "      \(anchorID) [id=\"\(anchorID)\", shape=point, width=0.05, style=invis];\n"
                for (w, workload) in t.workloads.enumerated() where workload.subnet == s {
                    let nodeID = "\(id)w\(w)"
                    workloadNode[w] = nodeID
                    let addresses =
                        workload.addresses.count > 3
                        ? "\(workload.addresses[0]) … (\(workload.addresses.count))"
                        : workload.addresses.map(\.description).joined(separator: ", ")
                    out += "      \(nodeID) [id=\"\(nodeID)\", label=<<B>\(DOTText.html(workload.name))</B><BR/><FONT POINT-SIZE=\"8\">"
                    out += "\(workload.kind.rawValue) · \(addresses)</FONT>>, tooltip=\(DOTText.quoted(workload.name))];\n"
                }
                for (f, fw) in t.firewalls.enumerated() where fw.subnet == s {
                    out +=
                        "      \(id)f\(f) [id=\"\(id)f\(f)\", fillcolor=\"\(DiagramStyle.fill(.firewall))\", "
                    out += "label=<<B>\(DOTText.html(fw.name))</B><BR/><FONT POINT-SIZE=\"8\">Azure Firewall · \(fw.privateIP) · "
                    out += "\(fw.instanceIPs.count) instances</FONT>>];\n"
                }
                for (g, agw) in t.appGateways.enumerated() where agw.subnet == s {
                    out +=
                        "      \(id)a\(g) [id=\"\(id)a\(g)\", fillcolor=\"\(DiagramStyle.fill(.applicationGateway))\", "
                    out += "label=<<B>\(DOTText.html(agw.name))</B><BR/><FONT POINT-SIZE=\"8\">Application Gateway · "
                    out += "\(agw.instanceIPs.map(\.description).joined(separator: ", "))</FONT>>];\n"
                }
                for (g, gateway) in t.gateways.enumerated() where gateway.subnet == s {
                    out += "      \(id)g\(g) [id=\"\(id)g\(g)\", fillcolor=\"\(DiagramStyle.fill(.virtualNetworkGateway))\", "
                    out +=
                        "label=<<B>\(DOTText.html(gateway.name))</B><BR/><FONT POINT-SIZE=\"8\">\(gateway.gatewayType.rawValue) gateway</FONT>>];\n"
                }
                for (l, lb) in t.loadBalancers.enumerated() where !lb.isPublic {
                    for (fi, fe) in lb.frontends.enumerated() where fe.subnet == s {
                        out +=
                            "      \(id)l\(l)f\(fi) [id=\"\(id)l\(l)f\(fi)\", shape=hexagon, fillcolor=\"\(DiagramStyle.fill(.loadBalancer))\", "
                        out +=
                            "label=<<B>\(DOTText.html(lb.name))</B><BR/><FONT POINT-SIZE=\"8\">\(DOTText.html(fe.name)) · \(fe.address)</FONT>>];\n"
                    }
                }
                out += "    }\n"
            }
            out += "  }\n"
        }
        // Route tables with their decisive routes.
        for (r, table) in t.routeTables.enumerated() {
            let users = t.subnets.indices.filter { t.subnets[$0].routeTable == r }
            guard !users.isEmpty else { continue }
            var label = "<B>\(DOTText.html(table.name))</B>"
            if table.disableBgpRoutePropagation { label += "<BR ALIGN=\"LEFT\"/><FONT POINT-SIZE=\"8\">gateway propagation off</FONT>" }
            for route in table.routes.prefix(8) {
                let hop = route.nextHopType.rawValue + (route.nextHopIP.map { " \($0)" } ?? "")
                let causing = failing.contains { result in
                    guard case .route(let s, let i) = result.trace.cause else { return false }
                    if case .user(r, let index) = t.effectiveRoutes[s].routes[i].origin { return table.routes[index].name == route.name }
                    return false
                }
                let text = DOTText.html("\(route.destinationText) → \(hop) (\(route.name))")
                label += "<BR ALIGN=\"LEFT\"/>" + (causing ? "<FONT COLOR=\"\(DiagramStyle.failure)\"><B>\(text)</B></FONT>" : text)
            }
            if table.routes.count > 8 { label += "<BR ALIGN=\"LEFT\"/>… \(table.routes.count - 8) more" }
            out += "  \(id)rt\(r) [id=\"\(id)rt\(r)\", shape=note, fillcolor=\"#fffbea\", label=<\(label)<BR ALIGN=\"LEFT\"/>>];\n"
            for s in users {
                out += "  \(id)rt\(r) -> \(anchor(s)) [lhead=\"cluster_\(id)w\(s)\", style=dotted, arrowhead=none];\n"
            }
        }
        // Peerings: one edge per pair.
        for (p, peering) in t.peerings.enumerated() where peering.reverse.map({ $0 > p }) ?? true {
            guard let from = t.vnets[peering.from].subnets.first, let to = t.vnets[peering.to].subnets.first else { continue }
            let back = peering.reverse.map { t.peerings[$0] }
            var flags: [String] = []
            if peering.allowGatewayTransit || back?.allowGatewayTransit == true { flags.append("gateway transit") }
            if peering.allowForwardedTraffic && back?.allowForwardedTraffic == true { flags.append("forwarded ✓") }
            let colour = back == nil ? DiagramStyle.failure : "#374151"
            out +=
                "  \(anchor(from)) -> \(anchor(to)) [ltail=\"cluster_\(id)v\(peering.from)\", lhead=\"cluster_\(id)v\(peering.to)\", dir=both, "
            out += "color=\"\(colour)\", penwidth=1.4, label=<peering\(back == nil ? " (one side only)" : "")"
            out += flags.isEmpty ? "" : "<BR/>\(flags.joined(separator: ", "))"
            out += ">];\n"
        }
        // Outside the VNets: Internet, on-premises, public load balancers, NAT gateways, public IPs.
        out += "  \(id)internet [id=\"\(id)internet\", shape=ellipse, fillcolor=\"#f3f4f6\", label=<<B>internet</B>>];\n"
        for (n, network) in t.onPremises.enumerated() {
            out += "  \(id)o\(n) [id=\"\(id)o\(n)\", shape=folder, fillcolor=\"#efe7fb\", label=<<B>\(DOTText.html(network.name))</B><BR/>"
            out += "<FONT POINT-SIZE=\"8\">\(DOTText.html(network.addressPrefixes.map(\.description).joined(separator: ", ")))</FONT>>];\n"
            out +=
                "  \(id)o\(n) -> \(id)g\(network.gateway) [dir=both, label=<\(network.forcedTunnelDefaultRoute ? "advertises 0.0.0.0/0" : "S2S/ER")>];\n"
        }
        for (l, lb) in t.loadBalancers.enumerated() where lb.isPublic {
            let fronts = lb.frontends.map { "\($0.name) \($0.address)" }.joined(separator: "\n")
            out += "  \(id)l\(l) [id=\"\(id)l\(l)\", shape=hexagon, fillcolor=\"#e3f0ff\", label=<<B>\(DOTText.html(lb.name))</B><BR/>"
            out += "<FONT POINT-SIZE=\"8\">public load balancer\(lb.implicit ? " (AKS)" : "")<BR/>\(DOTText.html(fronts))</FONT>>];\n"
            out += "  \(id)internet -> \(id)l\(l) [arrowhead=none];\n"
            var seen = Set<Int>()
            for pool in lb.pools {
                for member in pool.members {
                    guard let w = member.workload, seen.insert(w).inserted, let target = workloadNode[w] else { continue }
                    out += "  \(id)l\(l) -> \(target) [style=dashed];\n"
                }
            }
        }
        for (l, lb) in t.loadBalancers.enumerated() where !lb.isPublic {
            var seen = Set<Int>()
            for pool in lb.pools {
                for member in pool.members {
                    guard let w = member.workload, seen.insert(w).inserted, let target = workloadNode[w], lb.frontends.indices.contains(0)
                    else { continue }
                    out += "  \(id)l\(l)f0 -> \(target) [style=dashed];\n"
                }
            }
        }
        for (n, nat) in t.natGateways.enumerated() {
            out +=
                "  \(id)nat\(n) [id=\"\(id)nat\(n)\", fillcolor=\"#fff4d6\", label=<<B>\(DOTText.html(nat.name))</B><BR/><FONT POINT-SIZE=\"8\">"
            out += "NAT gateway · \(nat.addresses.map(\.description).joined(separator: ", "))</FONT>>];\n"
            out += "  \(id)nat\(n) -> \(id)internet [arrowhead=none];\n"
            for s in t.subnets.indices where t.subnets[s].natGateway == n {
                out += "  \(anchor(s)) -> \(id)nat\(n) [ltail=\"cluster_\(id)w\(s)\", style=dashed, label=<egress>];\n"
            }
        }
        for (f, fw) in t.firewalls.enumerated() where !fw.publicAddresses.isEmpty {
            out += "  \(id)internet -> \(id)f\(f) [dir=both, label=<\(fw.publicAddresses.map(\.description).joined(separator: ", "))>];\n"
        }
        for (g, agw) in t.appGateways.enumerated() {
            for fe in agw.frontends where fe.isPublic { out += "  \(id)internet -> \(id)a\(g) [label=<\(fe.address)>];\n" }
        }
        for (w, workload) in t.workloads.enumerated() {
            guard let pip = workload.publicIP, let node = workloadNode[w] else { continue }
            out += "  \(id)internet -> \(node) [label=<\(t.publicIPs[pip].prefix.network)>];\n"
        }
        // Flows with findings.
        for (i, result) in failing.enumerated() {
            guard let from = endNode(result.flow.from, id: id, in: t, workloads: workloadNode),
                let to = endNode(result.flow.to, id: id, in: t, workloads: workloadNode), from != to
            else { continue }
            out +=
                "  \(from) -> \(to) [id=\"\(id)flow\(i)\", color=\"\(DiagramStyle.failure)\", fontcolor=\"\(DiagramStyle.failure)\", penwidth=2, "
            out += "style=bold, constraint=false, label=<\(DOTText.html(result.flow.name)): <B>\(result.trace.verdict.rawValue)</B>>];\n"
        }
        out += "}\n"
        return out
    }

    static func endNode(_ end: FlowEnd, id: String, in t: Topology, workloads: [Int: String]) -> String? {
        switch end {
        case .internet: return "\(id)internet"
        case .onPremises(let n, _): return "\(id)o\(n)"
        case .workload(let w, _):
            if let node = workloads[w] { return node }
            return t.workloads[w].hostedOn.flatMap { workloads[$0] }
        case .publicAddress(let address):
            for (l, lb) in t.loadBalancers.enumerated() where lb.frontends.contains(where: { $0.address == address }) {
                return "\(id)l\(l)"
            }
            for (f, fw) in t.firewalls.enumerated() where fw.publicAddresses.contains(address) { return "\(id)f\(f)" }
            for (g, agw) in t.appGateways.enumerated() where agw.frontends.contains(where: { $0.address == address }) {
                return "\(id)a\(g)"
            }
            for (w, workload) in t.workloads.enumerated()
            where workload.publicIP.map({ t.publicIPs[$0].prefix.network == address }) ?? false {
                return workloads[w]
            }
            return nil
        case .privateAddress(_, let address):
            for (l, lb) in t.loadBalancers.enumerated() {
                if let fi = lb.frontends.firstIndex(where: { $0.address == address }) { return "\(id)l\(l)f\(fi)" }
            }
            for (f, fw) in t.firewalls.enumerated() where fw.privateIP == address { return "\(id)f\(f)" }
            for (g, agw) in t.appGateways.enumerated() where agw.frontends.contains(where: { $0.address == address }) {
                return "\(id)a\(g)"
            }
            return nil
        }
    }
}
