import RoundTripCore

// The Encodable documents JSONReport writes: one per output object, field names as in docs/json-output.md.

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
    var accepted: Int
    var failed: Bool
}

/// An accepted finding: why, until when, whether it has expired and where the acceptance comes from.
struct AcceptanceDocument: Encodable {
    var reason: String
    var expires: String?
    var expired: Bool
    var origin: String
    init(_ a: Acceptance) {
        reason = a.reason
        expires = a.expires
        expired = a.expired
        origin = a.origin.rawValue
    }
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
    var accepted: AcceptanceDocument?
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
                cause: v.example.cause.map { DecisionDocument($0, in: t) }, accepted: nil)
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

/// A suggested fix: the change, and whether RoundTrip verified it by re-tracing (`hint` when not).
struct FixDocument: Encodable {
    struct InsertionDocument: Encodable {
        var file: String
        var line: Int
        var text: String
    }
    var description: String
    var verified: Bool
    var kind: String
    var insertion: InsertionDocument?
    init?(_ fix: SuggestedFix?) {
        guard let fix else { return nil }
        description = fix.description
        verified = fix.verified
        kind = fix.verified ? "fix" : "hint"
        insertion = fix.insertion.map { InsertionDocument(file: $0.file, line: $0.line, text: $0.text) }
    }
}
