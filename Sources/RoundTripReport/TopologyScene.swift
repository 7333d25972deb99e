import RoundTripCore

/// The topology picture as boxes and lines with their positions, computed by RoundTrip itself so that Graphviz only
/// draws it (`nop2`: no ranking, no clusters, no compound edges, no spline routing) and draw.io gets the same
/// geometry. The hub sits in the centre column; the other VNets fill a grid around it in name order; every peering
/// pair is one line along the gutters into the hub; flows with findings run along their real hops.
public struct TopologyScene: Sendable {
    /// One line of text inside a box.
    public struct Line: Sendable, Equatable {
        /// How a line looks.
        public enum Style: Sendable, Equatable { case title, detail, warning, finding }
        /// The text (plain, not escaped).
        public var text: String
        /// Its style.
        public var style: Style
    }

    /// A box: a VNet, the Internet or an on-premises network.
    public struct Box: Sendable {
        /// The element id (unique in the page).
        public var id: String
        /// Lines top to bottom.
        public var lines: [Line]
        /// Centre and size in points, y growing downwards.
        public var x, y, width, height: Double
        /// Fill colour.
        public var fill: String
        /// Border colour.
        public var border: String
        /// Tooltip / screen-reader text.
        public var tooltip: String
        /// A link (the spoke's own page in a large estate).
        public var link: String?
    }

    /// A line between boxes, as a polyline in points (y growing downwards).
    public struct Path: Sendable {
        /// The element id.
        public var id: String
        /// The corner points.
        public var points: [(x: Double, y: Double)]
        /// Stroke colour.
        public var colour: String
        /// `solid`, `dashed` or `bold`.
        public var style: String
        /// Stroke width.
        public var width: Double
        /// What the line means (peering flags, the flow and its verdict).
        public var tooltip: String
    }

    /// The title line.
    public var title: String
    /// The legend line under the title.
    public var legend: String
    /// The boxes.
    public var boxes: [Box]
    /// The lines, drawn under the boxes.
    public var paths: [Path]
    /// The picture's size in points.
    public var width, height: Double
}

extension TopologyScene {
    /// Above this many VNets the overview keeps each clean VNet to its name and marks; VNets a finding touches get a
    /// page of their own (``TopologyDiagram/spokePages(_:id:)``).
    public static let overviewThreshold = 150

    /// The hub: the VNet with the most peerings (the first one on a tie), or nil without VNets.
    static func hub(of t: Topology) -> Int? {
        guard !t.vnets.isEmpty else { return nil }
        var count = [Int](repeating: 0, count: t.vnets.count)
        for p in t.peerings { count[p.from] += 1 }
        return count.indices.max { a, b in count[a] < count[b] || (count[a] == count[b] && a > b) }
    }

    /// Natural name order: `spoke2` before `spoke10`.
    static func nameOrder(_ a: String, _ b: String) -> Bool {
        func parts(_ s: String) -> [(String, Int?)] {
            var out: [(String, Int?)] = []
            var current = ""
            var digits = false
            for c in s {
                if c.isASCII && c.isNumber != digits, !current.isEmpty {
                    out.append((current, digits ? Int(current) : nil))
                    current = ""
                }
                digits = c.isASCII && c.isNumber
                current.append(c)
            }
            if !current.isEmpty { out.append((current, digits ? Int(current) : nil)) }
            return out
        }
        let pa = parts(a)
        let pb = parts(b)
        for (x, y) in zip(pa, pb) where x.0 != y.0 {
            if let nx = x.1, let ny = y.1, nx != ny { return nx < ny }
            return x.0 < y.0
        }
        return pa.count < pb.count
    }

    /// The boxes the hops of a trace pass through, in order, without repeats in a row (box keys: `v<n>` for a VNet,
    /// `internet`, `o<n>` for an on-premises network).
    static func boxKeys(of hops: [Hop], in t: Topology) -> [String] {
        var keys: [String] = []
        for hop in hops {
            guard let key = boxKey(of: hop.node, in: t), keys.last != key else { continue }
            keys.append(key)
        }
        return keys
    }

    static func boxKey(of node: Node, in t: Topology) -> String? {
        if let s = t.subnet(of: node) { return "v\(t.subnets[s].vnet)" }
        switch node {
        case .internet, .internetHost: return "internet"
        case .onPremises(let n), .onPremisesEdge(let n): return "o\(n)"
        case .vnetGateway(let g): return "v\(t.gateways[g].vnet)"
        case .vnet(let v): return "v\(v)"
        case .firewall(let f, _): return "v\(t.firewalls[f].vnet)"
        case .loadBalancer(let l, _):
            let member = t.loadBalancers[l].pools.lazy.flatMap(\.members).compactMap(\.workload).first
            return member.map { "v\(t.subnets[t.workloads[$0].subnet].vnet)" } ?? "internet"
        case .natGateway(let n):
            return t.subnets.first { $0.natGateway == n }.map { "v\($0.vnet)" }
        default: return nil
        }
    }

    /// The VNet a public load balancer belongs to: the VNet of its first back-end member.
    static func vnet(ofPublic lb: LoadBalancer, in t: Topology) -> Int? {
        lb.pools.lazy.flatMap(\.members).compactMap(\.workload).first.map { t.subnets[t.workloads[$0].subnet].vnet }
    }

    /// The name of a subnet's NSG, shown on its line in the diagram.
    static func networkSecurityGroup(ofSubnet s: Int, in t: Topology) -> String? {
        t.subnets[s].networkSecurityGroup.map { t.securityGroups[$0].name }
    }
}
