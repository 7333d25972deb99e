import Foundation
import RoundTripCore

/// The JSON output of `roundtrip check --format json` and `roundtrip trace --format json` (docs/json-output.md).
///
/// Field names are stable; keys are sorted so the same input gives byte-identical output.
public enum JSONReport {
    /// Output schema version.
    public static let version = 1

    /// The whole check.
    public static func check(_ report: CheckReport, failOn: Set<Verdict>) throws -> String {
        let t = report.topology
        let document = CheckDocument(
            version: version, design: t.name, file: t.file,
            flows: report.results.map { FlowDocument($0, in: t) },
            assertions: report.assertions.map { AssertionDocument($0, in: t) },
            requiredEgress: report.requiredEgress.map { RequiredEgressDocument($0, in: t) },
            egress: t.egressSummaries().map { EgressDocument($0, in: t) },
            exhaustive: report.exhaustive.map { $0.results.map { EntryDocument($0, in: t) } },
            findings: report.findings.map { FindingDocument($0) },
            summary: SummaryDocument(
                flows: report.results.count,
                verdicts: Dictionary(uniqueKeysWithValues: report.verdictCounts.map { ($0.0.rawValue, $0.1) }),
                expectationsFailed: report.failedExpectations.count,
                assertionsFailed: report.assertions.filter { !$0.holds }.count,
                failed: report.fails(on: failOn)))
        return try encode(document)
    }

    /// One trace.
    public static func trace(_ result: FlowResult, in t: Topology) throws -> String {
        try encode(FlowDocument(result, in: t))
    }

    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}

struct CheckDocument: Encodable {
    var version: Int
    var design: String
    var file: String
    var flows: [FlowDocument]
    var assertions: [AssertionDocument]
    var requiredEgress: [RequiredEgressDocument]
    var egress: [EgressDocument]
    var exhaustive: [EntryDocument]?
    var findings: [FindingDocument]
    var summary: SummaryDocument
}

struct SummaryDocument: Encodable {
    var flows: Int
    var verdicts: [String: Int]
    var expectationsFailed: Int
    var assertionsFailed: Int
    var failed: Bool
}

struct ClientsDocument: Encodable {
    var verdict: String
    var clients: [String]
    var description: String
    var exampleClient: String
    var reason: String
    var reasonCode: ReasonCodeDocument
    var droppedAt: String?
    var cause: DecisionDocument?
}

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

struct EntryDocument: Encodable {
    var name: String
    var address: String
    var port: Int
    var `protocol`: String
    var backend: String?
    var clients: String
    var classes: Int
    var verdicts: [ClientsDocument]
    var location: LocationDocument
    init(_ r: EntryPointResult, in t: Topology) {
        name = r.entry.name
        address = r.entry.address.description
        port = Int(r.entry.port)
        self.protocol = r.entry.protocolType.rawValue
        backend = r.backend?.description
        clients = ClientSetText.universe(r, topology: t)
        classes = r.classCount
        verdicts = r.verdicts.map { v in
            ClientsDocument(
                verdict: v.verdict.rawValue, clients: v.clients.prefixes.map(\.description),
                description: ClientSetText.describe(v.clients, in: r, topology: t), exampleClient: v.exampleClient.description,
                reason: t.reasonText(of: v.example),
                reasonCode: ReasonCodeDocument(v.example.reason, leg: v.example.reasonLeg, in: t),
                droppedAt: v.example.droppedAt.map { t.name(of: $0) },
                cause: v.example.cause.map { DecisionDocument($0, in: t) })
        }
        location = LocationDocument(r.entry.location)
    }
}

struct SNATDocument: Encodable {
    var source: String
    var instances: Int
    var publicIPs: Int
    var portsPerInstance: Int?
    var totalPorts: Int
    var maxConnectionsPerDestination: Int
    var perInstance: Bool
    var allocationFails: Bool
    var nextLimitInstances: Int?
    var nextLimit: String?
    init(_ c: SNATCapacity) {
        source = c.source.rawValue
        instances = c.instances
        publicIPs = c.publicIPs
        portsPerInstance = c.portsPerInstance
        totalPorts = c.totalPorts
        maxConnectionsPerDestination = c.maxConnectionsPerDestination
        perInstance = c.perInstance
        allocationFails = c.allocationFails
        nextLimitInstances = c.nextLimit?.instances
        nextLimit = c.nextLimit?.description
    }
}

struct EgressDocument: Encodable {
    var workload: String
    var kind: String
    var subnet: String
    var masqueradedTo: String?
    var leavesVia: String
    var decidedBy: DecisionDocument?
    var publicAddresses: [String]
    var snat: SNATDocument?
    init(_ s: EgressSummary, in t: Topology) {
        workload = t.workloads[s.workload].name
        kind = t.workloads[s.workload].kind.rawValue
        subnet = t.subnets[t.workloads[s.workload].subnet].qualifiedName
        masqueradedTo = s.masqueradedTo.map { t.workloads[$0].name }
        leavesVia = t.describe(s.method)
        decidedBy = s.route.map { DecisionDocument($0, in: t) }
        publicAddresses = s.publicAddresses.map(\.description)
        snat = s.snat.map(SNATDocument.init)
    }
}

struct RequiredEgressDocument: Encodable {
    var cluster: String
    var destination: String
    var `protocol`: String
    var port: Int
    var purpose: String
    var required: Bool
    var allowed: Bool
    var verdict: String
    var decidedBy: DecisionDocument?
    var allowWith: String?
    init(_ r: RequiredEgressResult, in t: Topology) {
        cluster = t.clusters[r.cluster].name
        destination = r.item.destination
        self.protocol = r.item.protocolType.rawValue
        port = Int(r.item.port)
        purpose = r.item.purpose
        required = r.item.required
        allowed = r.allowed
        verdict = r.trace.verdict.rawValue
        decidedBy = r.rule.map { DecisionDocument($0, in: t) }
        allowWith = r.allowHint(in: t)
    }
}

struct CounterexampleDocument: Encodable {
    var clients: [String]
    var source: String
    var destination: String
    var reason: String
    var cause: DecisionDocument?
}

struct AssertionDocument: Encodable {
    var name: String
    var from: String
    var to: String
    var holds: Bool
    var classes: Int
    var counterexamples: [CounterexampleDocument]
    var location: LocationDocument
    init(_ a: AssertionResult, in t: Topology) {
        name = a.assertion.name
        from = a.assertion.fromText
        to = a.assertion.toText
        holds = a.holds
        classes = a.classCount
        counterexamples = a.counterexamples.map { c in
            CounterexampleDocument(
                clients: c.clients.prefixes.map(\.description), source: c.universeName, destination: c.destination, reason: c.reason,
                cause: c.example.cause.map { DecisionDocument($0, in: t) })
        }
        location = LocationDocument(a.assertion.source.element)
    }
}

struct LocationDocument: Encodable {
    var file: String
    var line: Int
    var column: Int
    init(_ l: SourceLocation) { file = l.file; line = l.line; column = l.column }
}

struct FindingDocument: Encodable {
    var code: String
    var unsupported: Bool
    var message: String
    var rule: String
    var hint: String?
    var location: LocationDocument
    init(_ f: ConfigFinding) {
        code = f.code; unsupported = f.unsupported; message = f.message; rule = f.rule; hint = f.hint
        location = LocationDocument(f.location)
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
        name = t.name(of: n)
        label = t.label(of: n)
        subnet = t.subnet(of: n).map { t.subnets[$0].qualifiedName }
        switch n {
        case .internetHost(let a): kind = "internetHost"; address = a.description
        case .internet: kind = "internet"
        case .onPremises: kind = "onPremises"
        case .onPremisesEdge: kind = "onPremisesEdge"
        case .nic(_, let a): kind = "nic"; address = a.description
        case .loadBalancer(let lb, let fe): kind = "loadBalancer"; address = t.loadBalancers[lb].frontends[fe].address.description
        case .firewall(let f, let i):
            kind = "firewall"; instance = i; address = (i.map { t.firewalls[f].instanceIPs[$0] } ?? t.firewalls[f].privateIP).description
        case .appGateway(let g, let i):
            kind = "applicationGateway"; instance = i; address = i.map { t.appGateways[g].instanceIPs[$0].description }
        case .natGateway: kind = "natGateway"
        case .vnetGateway: kind = "virtualNetworkGateway"
        case .peering: kind = "peering"
        case .vnet: kind = "virtualNetwork"
        }
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
