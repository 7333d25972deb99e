import RoundTripCore

extension TopologyScene {
    static let titleSize = 12.0
    static let detailSize = 10.0

    /// The scene of a check report: every VNet, or (`only`) just these VNets and the hub, as a spoke's own page.
    public static func build(_ report: CheckReport, id: String = "topo", only: Set<Int>? = nil, pageLinks: Bool = false) -> TopologyScene {
        let t = report.topology
        let hub = hub(of: t)
        let failing = report.results.enumerated().filter { $0.element.trace.verdict != .symmetric && $0.element.trace.verdict != .denied }
        var touched: [Int: [(Int, FlowResult)]] = [:]
        for (i, result) in failing {
            let keys = Set(boxKeys(of: result.trace.forward + result.trace.reverse, in: t))
            for v in t.vnets.indices where keys.contains("v\(v)") { touched[v, default: []].append((i, result)) }
        }
        let included = t.vnets.indices.filter { v in only.map { $0.contains(v) || v == hub } ?? true }
        let spokeCount = included.filter { $0 != hub }.count
        let overview = only == nil && spokeCount > overviewThreshold
        var boxes: [String: Box] = [:]
        // Per VNet: the first peering to each VNet, so a hub with thousands of spokes is not searched once per spoke.
        var peerings = Array(repeating: [Int: Int](), count: t.vnets.count)
        for (p, peering) in t.peerings.enumerated() where peerings[peering.from][peering.to] == nil {
            peerings[peering.from][peering.to] = p
        }
        for v in included {
            let expanded = touched[v] != nil && !overview || v == hub
            var lines = vnetLines(v, expanded: expanded, minimal: overview && v != hub, hub: hub, peerings: peerings, in: t)
            for (i, result) in touched[v] ?? [] {
                lines.append(Line(text: "✖ flow \(i + 1) \(result.flow.name): \(result.trace.verdict.rawValue)", style: .finding))
            }
            let isTouched = touched[v] != nil
            let link = pageLinks && overview && isTouched && v != hub ? "spoke-\(v + 1).svg" : nil
            boxes["v\(v)"] = box(
                id: "\(id)v\(v)", lines: lines, fill: v == hub ? "#eef4ff" : "#ffffff",
                border: isTouched ? DiagramStyle.failure : "#6b7280", tooltip: "VNet \(t.vnets[v].name)", link: link)
        }
        boxes["internet"] = box(
            id: "\(id)internet", lines: [Line(text: "Internet", style: .title)], fill: "#f3f4f6", border: "#6b7280", tooltip: "the Internet"
        )
        for (n, network) in t.onPremises.enumerated() {
            var lines = [Line(text: network.name, style: .title)]
            lines.append(Line(text: "on-premises · " + network.addressPrefixes.map(\.description).joined(separator: ", "), style: .detail))
            if network.forcedTunnelDefaultRoute { lines.append(Line(text: "advertises 0.0.0.0/0", style: .warning)) }
            boxes["o\(n)"] = box(id: "\(id)o\(n)", lines: lines, fill: "#efe7fb", border: "#6b7280", tooltip: "on-premises \(network.name)")
        }
        let spokes = included.filter { $0 != hub }.sorted { nameOrder(t.vnets[$0].name, t.vnets[$1].name) }
        var centre = ["internet"]
        if let hub { centre.append("v\(hub)") }
        centre += t.onPremises.indices.map { "o\($0)" }
        var scene = TopologyScene(title: t.name, legend: "", boxes: [], paths: [], width: 0, height: 0)
        let layout = Grid(spokes: spokes.map { "v\($0)" }, centre: centre, boxes: &boxes)
        scene.width = layout.width
        scene.height = layout.height

        // Peerings: one line per pair.
        var pathCount = 0
        for (p, peering) in t.peerings.enumerated() where peering.reverse.map({ $0 > p }) ?? true {
            guard let a = boxes["v\(peering.from)"], let b = boxes["v\(peering.to)"] else { continue }
            let back = peering.reverse.map { t.peerings[$0] }
            pathCount += 1
            let tip =
                "peering \(t.vnets[peering.from].name) ⇄ \(t.vnets[peering.to].name): \(t.vnets[peering.from].name) → "
                + "\(flags(peering)); " + (back.map { "\(t.vnets[peering.to].name) → \(flags($0))" } ?? "no peering back (one side only)")
            scene.paths.append(
                Path(
                    id: "\(id)p\(pathCount)", points: layout.route(from: "v\(peering.from)", to: "v\(peering.to)", offset: 0, boxes: boxes),
                    colour: back == nil ? DiagramStyle.failure : "#9ca3af", style: back == nil ? "dashed" : "solid",
                    width: back == nil ? 2 : 1.2, tooltip: tip))
            _ = (a, b)
        }
        // Findings along their hops.
        for (n, (i, result)) in failing.enumerated() {
            for (leg, hops) in [("forward", result.trace.forward), ("return", result.trace.reverse)] {
                let keys = boxKeys(of: hops, in: t).filter { boxes[$0] != nil }
                guard keys.count > 1 else { continue }
                let offset = 5.0 + Double(n % 6) * 4 + (leg == "return" ? 2 : 0)
                var points: [(x: Double, y: Double)] = []
                for (a, b) in zip(keys, keys.dropFirst()) {
                    for point in layout.route(from: a, to: b, offset: offset, boxes: boxes) {
                        if let last = points.last, last.x == point.x, last.y == point.y { continue }
                        points.append(point)
                    }
                }
                scene.paths.append(
                    Path(
                        id: "\(id)f\(i + 1)\(leg == "forward" ? "f" : "r")", points: points,
                        colour: leg == "forward" ? DiagramStyle.failure : DiagramStyle.back, style: leg == "forward" ? "solid" : "dashed",
                        width: 2.4, tooltip: "flow \(i + 1) \(result.flow.name) (\(leg)): \(result.trace.verdict.rawValue)"))
            }
        }
        let order = ["internet"] + t.vnets.indices.map { "v\($0)" } + t.onPremises.indices.map { "o\($0)" }
        scene.boxes = order.compactMap { boxes[$0] }
        scene.legend =
            "\(report.results.count) flows, \(failing.count) with findings · ⚠ subnet without a route table\n"
            + "grey lines: peerings (both sides) · red dashed: one side only\nred: a finding's forward path · orange dashed: its return"
        return scene
    }

    static func box(id: String, lines: [Line], fill: String, border: String, tooltip: String, link: String? = nil) -> Box {
        var width = 0.0
        var height = 14.0
        for line in lines {
            let size = line.style == .title ? titleSize : detailSize
            width = max(width, Double(line.text.count) * size * 0.53 + 18)
            height += size * 1.3
        }
        return Box(id: id, lines: lines, x: 0, y: 0, width: width, height: height, fill: fill, border: border, tooltip: tooltip, link: link)
    }

    /// What a peering allows, in a few words.
    static func flags(_ p: Peering, short: Bool = false) -> String {
        var out: [String] = []
        if !p.allowVirtualNetworkAccess { out.append(short ? "no access" : "no VNet access") }
        if p.allowForwardedTraffic { out.append(short ? "fwd" : "forwarded traffic") }
        if p.allowGatewayTransit { out.append(short ? "gw transit" : "gateway transit") }
        if p.useRemoteGateways { out.append(short ? "remote gw" : "remote gateways") }
        return out.isEmpty ? "defaults" : out.joined(separator: ", ")
    }

    /// The lines of a VNet's box. `minimal`: its name, address space and marks only (a large estate's overview).
    static func vnetLines(_ v: Int, expanded: Bool, minimal: Bool, hub: Int?, peerings: [[Int: Int]], in t: Topology) -> [Line] {
        let vnet = t.vnets[v]
        var lines = [Line(text: "\(vnet.name)  \(vnet.addressSpace.map(\.description).joined(separator: ", "))", style: .title)]
        let bare = vnet.subnets.filter { t.subnets[$0].routeTable == nil }
        if minimal {
            if !bare.isEmpty {
                lines.append(Line(text: "⚠ \(bare.count) of \(vnet.subnets.count) subnets without route table", style: .warning))
            }
            return lines
        }
        for s in vnet.subnets {
            let subnet = t.subnets[s]
            var text = "\(subnet.name) \(subnet.prefix)"
            text += subnet.routeTable.map { " · rt \(t.routeTables[$0].name)" } ?? " · ⚠ no route table"
            if let nsg = networkSecurityGroup(ofSubnet: s, in: t) { text += " · nsg \(nsg)" }
            if let nat = subnet.natGateway { text += " · NAT \(t.natGateways[nat].name)" }
            lines.append(Line(text: text, style: subnet.routeTable == nil ? .warning : .detail))
            guard expanded else { continue }
            for fw in t.firewalls where fw.subnet == s {
                lines.append(Line(text: "   Azure Firewall \(fw.name) \(fw.privateIP)", style: .detail))
            }
            for gw in t.gateways where gw.subnet == s {
                lines.append(Line(text: "   \(gw.gatewayType.rawValue) gateway \(gw.name)", style: .detail))
            }
            for agw in t.appGateways where agw.subnet == s {
                lines.append(Line(text: "   Application Gateway \(agw.name)", style: .detail))
            }
            for lb in t.loadBalancers where !lb.isPublic {
                for fe in lb.frontends where fe.subnet == s {
                    lines.append(Line(text: "   internal LB \(lb.name) \(fe.address)", style: .detail))
                }
            }
            for w in t.workloads where w.subnet == s {
                let addresses =
                    w.addresses.count > 2
                    ? "\(w.addresses[0]) … (\(w.addresses.count))" : w.addresses.map(\.description).joined(separator: ", ")
                lines.append(Line(text: "   \(w.name) (\(w.kind.rawValue)) \(addresses)", style: .detail))
            }
        }
        for lb in t.loadBalancers where lb.isPublic && TopologyScene.vnet(ofPublic: lb, in: t) == v {
            let fronts = lb.frontends.map(\.address.description).joined(separator: ", ")
            lines.append(Line(text: "public LB \(lb.name)\(lb.implicit ? " (AKS)" : "") \(fronts)", style: .detail))
        }
        if expanded {
            let tables = Set(vnet.subnets.compactMap { t.subnets[$0].routeTable }).sorted()
            for r in tables {
                let table = t.routeTables[r]
                lines.append(
                    Line(
                        text: "route table \(table.name)\(table.disableBgpRoutePropagation ? " (gateway propagation off)" : "")",
                        style: .detail))
                for route in table.routes.prefix(6) {
                    let hop = route.nextHopType.rawValue + (route.nextHopIP.map { " \($0)" } ?? "")
                    lines.append(Line(text: "   \(route.destinationText) → \(hop) (\(route.name))", style: .detail))
                }
                if table.routes.count > 6 { lines.append(Line(text: "   … \(table.routes.count - 6) more", style: .detail)) }
            }
        }
        if v == hub {
            let peers = peerings[v].count
            if peers > 0 { lines.append(Line(text: "peered with \(peers) VNet\(peers == 1 ? "" : "s")", style: .detail)) }
        } else if let hub {
            if let out = peerings[v][hub].map({ t.peerings[$0] }) {
                let back = out.reverse.map { flags(t.peerings[$0], short: true) } ?? "missing"
                lines.append(
                    Line(text: "⇄ hub: \(flags(out, short: true)) / back: \(back)", style: out.reverse == nil ? .warning : .detail))
            } else if let into = peerings[hub][v].map({ t.peerings[$0] }) {
                lines.append(Line(text: "⇄ hub: missing / back: \(flags(into, short: true))", style: .warning))
            }
        }
        return lines
    }
}
