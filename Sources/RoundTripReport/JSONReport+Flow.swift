import RoundTripCore

// The flow object of `check` and `trace` output: reasons, hops, packets, decisions (docs/json-output.md).

/// A typed reason: its stable code, the rule it cites, the leg of a drop, and its data by name (docs/json-output.md).
struct ReasonCodeDocument: Encodable {
    var code: String
    var rule: String?
    var leg: String?
    var fields: [String: String]
    init(_ reason: TraceReason, leg: Hop.Direction? = nil, in t: Topology) {
        code = reason.code
        rule = reason.rule
        self.leg = leg?.rawValue
        fields = t.fields(of: reason)
    }
}

struct ExpectedDocument: Encodable {
    var verdict: String?
    var droppedAt: String?
    var egressIP: String?
}

struct FlowDocument: Encodable {
    var name: String
    var from: String
    var to: String
    var port: Int
    var `protocol`: String
    var verdict: String
    var reason: String
    var reasonCode: ReasonCodeDocument
    var droppedAt: String?
    var droppedAtDetail: String?
    var shadowedRoute: ShadowedRouteDocument?
    var poolSize: Int?
    var failingMembers: [String]?
    var cause: DecisionDocument?
    var expected: ExpectedDocument?
    var holds: Bool?
    var expectationFailures: [String]
    var egressAddresses: [String]
    var warnings: [String]
    var warningCodes: [ReasonCodeDocument]
    var forward: [HopDocument]
    var `return`: [HopDocument]
    var location: LocationDocument
    /// Set by `check`: the acceptance of this flow's verdict, and whether the flow fails the run.
    var accepted: AcceptanceDocument?
    var fails: Bool?
    var fix: FixDocument?

    init(_ r: FlowResult, in t: Topology) {
        name = r.flow.name
        from = r.flow.fromText
        to = r.flow.toText
        port = Int(r.flow.port)
        self.protocol = r.flow.protocolType.rawValue
        verdict = r.trace.verdict.rawValue
        reason = t.reasonText(of: r.trace)
        reasonCode = ReasonCodeDocument(r.trace.reason, leg: r.trace.reasonLeg, in: t)
        droppedAt = r.trace.droppedAt.map { t.name(of: $0) }
        droppedAtDetail = r.trace.droppedAt.map { t.label(of: $0) }
        shadowedRoute = r.trace.shadowedRoute.map {
            ShadowedRouteDocument(winner: DecisionDocument($0.winner, in: t), loser: DecisionDocument($0.loser, in: t))
        }
        if r.trace.poolSize > 1 {
            poolSize = r.trace.poolSize
            failingMembers = r.trace.failingMembers.map(\.description)
        }
        cause = r.trace.cause.map { DecisionDocument($0, in: t) }
        if r.hasExpectation {
            expected = ExpectedDocument(
                verdict: r.flow.expect?.rawValue, droppedAt: r.flow.expectDroppedAt, egressIP: r.flow.expectEgressIP?.description)
        }
        holds = r.holds
        expectationFailures = r.expectationFailures
        egressAddresses = r.trace.egressAddresses.map(\.description)
        warnings = r.trace.warnings.map { t.describe($0) }
        warningCodes = r.trace.warnings.map { ReasonCodeDocument($0, in: t) }
        forward = r.trace.forward.map { HopDocument($0, in: t) }
        self.return = r.trace.reverse.map { HopDocument($0, in: t) }
        location = LocationDocument(r.flow.source.element)
    }
}

struct PacketDocument: Encodable {
    var source: String
    var sourcePort: Int
    var destination: String
    var destinationPort: Int
    var `protocol`: String
    init(_ p: Packet) {
        source = p.source.description; sourcePort = Int(p.sourcePort)
        destination = p.destination.description; destinationPort = Int(p.destinationPort)
        self.protocol = p.protocolType.rawValue
    }
}

struct NodeDocument: Encodable {
    var kind: String
    var name: String
    var label: String
    var instance: Int?
    var address: String?
    var subnet: String?
    init(_ n: Node, in t: Topology) {
        let facts = t.facts(of: n)
        kind = facts.kind.rawValue
        name = facts.name
        label = facts.label
        subnet = facts.subnet.map { t.subnets[$0].qualifiedName }
        instance = facts.instance
        address = facts.address?.description
    }
}

struct DecisionDocument: Encodable {
    var kind: String
    var text: String
    var location: LocationDocument?
    var route: RouteDocument?
    init(_ d: Decision, in t: Topology) {
        text = t.describeDecision(d)
        location = t.location(of: d).map(LocationDocument.init)
        switch d {
        case .route(let s, let i):
            kind = "route"
            route = RouteDocument(t.effectiveRoutes[s].routes[i], subnet: t.subnets[s].qualifiedName, in: t)
        case .loadBalancerRule: kind = "loadBalancerRule"
        case .outboundRule: kind = "outboundRule"
        case .firewallNatRule: kind = "firewallNatRule"
        case .firewallNetworkRule: kind = "firewallNetworkRule"
        case .firewallApplicationRule: kind = "firewallApplicationRule"
        case .firewallDefaultDeny: kind = "firewallDefaultDeny"
        case .securityRule: kind = "securityRule"
        case .appGatewayListener: kind = "appGatewayListener"
        case .natGateway: kind = "natGateway"
        case .instancePublicIP: kind = "instancePublicIP"
        case .defaultOutboundAccess: kind = "defaultOutboundAccess"
        case .peering: kind = "peering"
        case .onPremisesRoute: kind = "onPremisesRoute"
        case .session: kind = "session"
        }
    }
}

struct RouteDocument: Encodable {
    var subnet: String
    var source: String
    var addressPrefix: String
    var nextHopType: String
    var nextHopIpAddress: String?
    var routeTable: String?
    var name: String?
    var serviceTag: String?
    init(_ r: EffectiveRoute, subnet: String, in t: Topology) {
        self.subnet = subnet
        source = r.source.rawValue
        addressPrefix = r.prefix.description
        nextHopType = r.nextHopType.rawValue
        nextHopIpAddress = r.nextHopIP?.description
        serviceTag = r.serviceTag
        if case .user(let table, let i) = r.origin {
            routeTable = t.routeTables[table].name
            name = t.routeTables[table].routes[i].name
        }
    }
}

struct RewriteDocument: Encodable {
    var kind: String
    var field: String
    var before: String
    var after: String
    init(_ r: Rewrite) {
        kind = r.kind.rawValue; field = r.field.rawValue
        before = "\(r.beforeAddress):\(r.beforePort)"; after = "\(r.afterAddress):\(r.afterPort)"
    }
}

struct SessionDocument: Encodable {
    var event: String
    var device: String
    init(_ s: SessionEvent, in t: Topology) {
        event = s.kind.rawValue
        device = t.label(of: t.node(of: s.device))
    }
}

struct HopDocument: Encodable {
    var node: NodeDocument
    var packet: PacketDocument
    var outcome: String
    var decidedBy: DecisionDocument?
    var rewrites: [RewriteDocument]
    var session: SessionDocument?
    var note: String?
    var reasonCode: ReasonCodeDocument?
    init(_ h: Hop, in t: Topology) {
        node = NodeDocument(h.node, in: t)
        packet = PacketDocument(h.packet)
        outcome = h.outcome.rawValue
        decidedBy = h.decision.map { DecisionDocument($0, in: t) }
        rewrites = h.rewrites.map(RewriteDocument.init)
        session = h.session.map { SessionDocument($0, in: t) }
        note = h.note.map { t.describe($0) }
        reasonCode = h.note.map { ReasonCodeDocument($0, in: t) }
    }
}

struct ShadowedRouteDocument: Encodable {
    var winner: DecisionDocument
    var loser: DecisionDocument
}
