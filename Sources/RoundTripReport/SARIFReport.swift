import Foundation
import RoundTripCore

/// SARIF 2.1.0 for code scanning: one result per finding, located at the route or rule that causes it.
public enum SARIFReport {
    /// A finding kind with a stable rule id.
    public struct Rule: Sendable {
        /// The stable rule id, e.g. `RT001`; never reused for another meaning.
        public var id: String
        /// The rule's readable name, e.g. `asymmetric-path`.
        public var name: String
        /// A one-sentence summary of the finding.
        public var short: String
        /// What the finding means and how to fix it.
        public var help: String
    }

    /// The rules, in id order. Ids never change meaning.
    public static let rules: [Rule] = [
        Rule(
            id: "RT001", name: "asymmetric-path", short: "A stateful device sees only one direction of a flow",
            help:
                "A reply (or the next forward packet) reaches a stateful device — Azure Firewall, an NVA, App Gateway, NAT Gateway — that holds no session for it, and is dropped. Usually a 0.0.0.0/0 route to a firewall on a subnet that also takes traffic in some other way (public load balancer, instance public IP), or a route set on one side only. Fix: publish through the firewall (DNAT to an internal load balancer), an Application Gateway, or give both sides matching routes."
        ),
        Rule(
            id: "RT002", name: "nat-mismatch", short: "The client gets the reply from an address it did not call",
            help:
                "Some device translates the reply to a public address other than the one the client sent to, so the client discards it. Keep replies on the path they came in on."
        ),
        Rule(
            id: "RT003", name: "no-route", short: "A packet of the round trip has no route",
            help:
                "A None next hop, no route, no owner for the destination, or no outbound path drops the packet. Usually a missing route table on one spoke (10.0.0.0/8 → None), or a private subnet without NAT gateway."
        ),
        Rule(
            id: "RT004", name: "denied", short: "A rule denies the flow",
            help:
                "A firewall rule or the firewall's default deny, a peering setting, or IP forwarding turned off stops the flow. If the flow is wanted, allow it."
        ),
        Rule(
            id: "RT005", name: "routing-loop", short: "The packet loops",
            help: "The packet comes back to the same place with the same header. Check routes that point at each other."),
        Rule(
            id: "RT006", name: "unsupported-config", short: "A configuration Azure documents as unsupported",
            help:
                "0.0.0.0/0 routes on GatewaySubnet, disabled propagation on GatewaySubnet, 0.0.0.0/0 to an appliance on an Application Gateway v2 subnet, or an AKS userDefinedRouting subnet without 0.0.0.0/0 to an appliance."
        ),
        Rule(
            id: "RT007", name: "expectation-failed", short: "A flow's expected verdict does not hold",
            help: "The flow's expect, expectDroppedAt or expectEgressIP differs from the traced result."),
        Rule(
            id: "RT008", name: "assertion-failed", short: "An assertion does not hold for some clients",
            help: "An assertion of the design fails for the client addresses named in the message."),
        Rule(
            id: "RT009", name: "design-warning", short: "A design issue worth a look",
            help: "A peering without its reverse, a firewall that learns 0.0.0.0/0 from on-premises, and similar."),
        Rule(
            id: "RT010", name: "aks-required-egress", short: "An AKS cluster cannot reach a destination it needs",
            help:
                "AKS nodes need the API server, MCR, management.azure.com, login.microsoftonline.com, packages.microsoft.com and acs-mirror.azureedge.net over HTTPS (and, depending on the cluster, UDP 1194/TCP 9000 to AzureCloud.<region> and NTP). Allow them on the firewall, for example with the AzureKubernetesService FQDN tag."
        ),
    ]

    static func ruleID(for verdict: Verdict) -> String {
        switch verdict {
        case .asymmetric: return "RT001"
        case .natMismatch: return "RT002"
        case .noRoute: return "RT003"
        case .denied: return "RT004"
        case .loop: return "RT005"
        case .unsupportedConfig: return "RT006"
        case .symmetric: return ""
        }
    }

    /// The SARIF log.
    /// Where docs/rules.md is published, for each rule's `helpUri` (`#rt001` appended). A relative reference to
    /// RoundTrip's own docs unless the caller gives an absolute URL (`ROUNDTRIP_RULES_URL` in the CLI).
    public static let defaultRulesURL = "docs/rules.md"

    /// The SARIF log; `rulesURL` is where docs/rules.md is published.
    public static func log(
        _ report: CheckReport, failOn: Set<Verdict>, version: String, rulesURL: String = defaultRulesURL
    ) throws -> String {
        let t = report.topology
        var results: [Result] = []
        var seen = Set<String>()
        func add(
            _ rule: String, _ level: String, _ message: String, at location: SourceLocation, related: [SourceLocation] = [],
            identity: FindingIdentity, accepted: Acceptance? = nil, fix: SuggestedFix? = nil
        ) {
            let key = "\(rule)|\(location)|\(message)"
            guard seen.insert(key).inserted else { return }
            var item = result(
                rule, level, message, at: location, related: related, fingerprint: fingerprint(rule: rule, identity: identity))
            if let fix, fix.verified, let insertion = fix.insertion { item.fixes = [Fix(fix, insertion)] }
            if let accepted, accepted.active {
                item.suppressions = [
                    Suppression(
                        kind: accepted.origin == .design ? "inSource" : "external", status: "accepted", justification: accepted.reason)
                ]
            }
            results.append(item)
        }
        func level(_ verdict: Verdict) -> String { failOn.contains(verdict) ? "error" : "note" }
        for r in report.results {
            let flowLocation = r.flow.source.element
            if r.trace.verdict != .symmetric {
                let at = r.trace.cause.flatMap { t.location(of: $0) } ?? flowLocation
                let fix =
                    report.fix(for: r).map {
                        ". \($0.verified ? "Fix (verified by re-tracing)" : "Hint (not verified)"): \($0.description)"
                    } ?? ""
                let expected = r.flow.expect == r.trace.verdict && r.holds == true
                add(
                    ruleID(for: r.trace.verdict), expected ? "note" : level(r.trace.verdict),
                    "Flow '\(r.flow.name)' (\(r.flow.fromText) → \(r.flow.toText):\(r.flow.port)/\(r.flow.protocolType.rawValue)) is \(r.trace.verdict.rawValue)\(expected ? " as expected" : ""): \(t.reasonText(of: r.trace))\(fix)",
                    at: at, related: at == flowLocation ? [] : [flowLocation],
                    identity: identity(of: r.trace, subject: ["flow", r.flow.name], in: t),
                    accepted: report.acceptance(ofFlow: r.flow.name, verdict: r.trace.verdict), fix: report.fix(for: r))
            }
            if r.holds == false {
                add(
                    "RT007", "error", "Flow '\(r.flow.name)': \(r.expectationFailures.joined(separator: "; "))", at: flowLocation,
                    identity: FindingIdentity(code: "expectation-failed", elements: ["flow", r.flow.name]))
            }
        }
        for a in report.assertions {
            for c in a.counterexamples {
                let at = c.example.cause.flatMap { t.location(of: $0) } ?? a.assertion.source.element
                add(
                    "RT008", "error",
                    "Assertion '\(a.assertion.name)' fails for \(ClientSetText.describe(c)) → \(c.destination): \(c.reason)",
                    at: at, related: [a.assertion.source.element],
                    identity: identity(
                        of: c.example, subject: ["assertion", a.assertion.name, c.destination] + c.clients.prefixes.map(\.description),
                        in: t))
            }
        }
        if let exhaustive = report.exhaustive {
            for r in exhaustive.results {
                if case .flow = r.entry.kind { continue }
                let failing = report.failingVerdicts(of: r, on: failOn).map(\.verdict)
                for v in r.verdicts where v.verdict != .symmetric {
                    let at = v.example.cause.flatMap { t.location(of: $0) } ?? r.entry.location
                    let clients =
                        v.clients == r.universe ? "every client" : "\(v.clients.prefixes.count) client prefixes (e.g. \(v.exampleClient))"
                    add(
                        ruleID(for: v.verdict), failing.contains(v.verdict) ? "error" : "note",
                        "\(r.entry.name)\(r.backend.map { " → \($0)" } ?? "") is \(v.verdict.rawValue) for \(clients): \(t.reasonText(of: v.example))",
                        at: at, related: at == r.entry.location ? [] : [r.entry.location],
                        identity: identity(
                            of: v.example, subject: ["entry", r.entry.name, r.backend?.description ?? "", v.verdict.rawValue], in: t),
                        accepted: report.acceptance(of: r, verdict: v.verdict))
                }
            }
        }
        for r in report.requiredEgress where !r.allowed {
            let at = r.rule.flatMap { t.location(of: $0) } ?? t.clusters[r.cluster].source.element
            add(
                "RT010", r.item.required ? "error" : "note",
                "Cluster '\(t.clusters[r.cluster].name)' cannot reach \(r.item.protocolType.rawValue.uppercased()) \(r.item.port) \(r.item.destination) (\(r.item.purpose)): \(t.reasonText(of: r.trace))"
                    + (r.allowHint(in: t).map { ". Allow it with \($0)" } ?? ""),
                at: at, related: at == t.clusters[r.cluster].source.element ? [] : [t.clusters[r.cluster].source.element],
                identity: identity(
                    of: r.trace,
                    subject: [
                        "cluster", t.clusters[r.cluster].name, r.item.destination, r.item.protocolType.rawValue, String(r.item.port),
                    ], in: t))
        }
        for f in report.findings {
            add(
                f.unsupported ? "RT006" : "RT009", f.unsupported ? "error" : "warning",
                "\(f.message) (\(f.rule))" + (f.hint.map { ". Fix: \($0)" } ?? ""), at: f.location,
                identity: FindingIdentity(
                    code: f.code, elements: [f.rule] + f.subnets.map { t.subnets[$0].qualifiedName } + [f.location.description]))
        }
        return try encode(results: results, version: version, rulesURL: rulesURL)
    }

    /// A SARIF log of RoundTrip's rules and these results.
    static func encode(results: [Result], version: String, rulesURL: String) throws -> String {
        let log = Log(
            schema: "https://json.schemastore.org/sarif-2.1.0.json", version: "2.1.0",
            runs: [
                Run(
                    tool: .init(
                        driver: .init(
                            name: "RoundTrip", semanticVersion: version, version: version,
                            rules: rules.map { RuleDescriptor($0, rulesURL: rulesURL) })),
                    results: results, columnKind: "unicodeCodePoints")
            ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(log), as: UTF8.self) + "\n"
    }

    /// The partial-fingerprint key; v2 hashes the typed identity, v1 hashed the message text.
    static let fingerprintKey = "roundtripFinding/v2"

    /// What makes two results the same finding across runs and rewordings: the typed reason's code and the ids or names
    /// of the elements involved, never the message text.
    struct FindingIdentity: Hashable {
        /// ``TraceReason/code``, or a ``ConfigFinding`` code, or `expectation-failed`.
        var code: String
        /// Element names and ids, in a fixed order.
        var elements: [String]
    }

    /// The identity of a result about a trace: its reason's code, the subject (flow, assertion, entry point, cluster),
    /// where it was dropped and the route or rule that causes it.
    static func identity(of trace: FlowTrace, subject: [String], in t: Topology) -> FindingIdentity {
        var elements = subject
        elements.append(trace.reasonLeg?.rawValue ?? "")
        elements.append(trace.droppedAt.map { t.name(of: $0) } ?? "")
        elements.append(trace.cause.map { decisionKey($0, in: t) } ?? "")
        return FindingIdentity(code: trace.reason.code, elements: elements)
    }

    /// A decision by the names of what it cites (`route:firewall-routetable/firewall-route`).
    static func decisionKey(_ decision: Decision, in t: Topology) -> String {
        switch decision {
        case .route(let s, let i):
            let route = t.effectiveRoutes[s].routes[i]
            switch route.origin {
            case .user(let table, let r): return "route:\(t.routeTables[table].name)/\(t.routeTables[table].routes[r].name)"
            case .gateway(let g, let n): return "gateway-route:\(t.gateways[g].name)/\(t.onPremises[n].name)/\(route.prefix)"
            case .peering(let p): return "peering-route:\(t.peerings[p].name)/\(route.prefix)"
            case .vnetAddressSpace, .defaultInternet, .reservedNone: return "system-route:\(t.subnets[s].qualifiedName)/\(route.prefix)"
            case .privateEndpoint(let w, _): return "endpoint-route:\(t.workloads[w].name)/\(route.prefix)"
            }
        case .loadBalancerRule(let lb, let r): return "lb-rule:\(t.loadBalancers[lb].name)/\(t.loadBalancers[lb].rules[r].name)"
        case .outboundRule(let lb, let r):
            return "lb-outbound-rule:\(t.loadBalancers[lb].name)/\(t.loadBalancers[lb].outboundRules[r].name)"
        case .firewallNatRule(let f, let c, let r):
            let collection = t.firewalls[f].natCollections[c]
            return "fw-dnat-rule:\(t.firewalls[f].name)/\(groupKey(collection.origin))\(collection.name)/\(collection.rules[r].name)"
        case .firewallNetworkRule(let f, let c, let r):
            let collection = t.firewalls[f].networkCollections[c]
            return "fw-network-rule:\(t.firewalls[f].name)/\(groupKey(collection.origin))\(collection.name)/\(collection.rules[r].name)"
        case .firewallApplicationRule(let f, let c, let r):
            let collection = t.firewalls[f].applicationCollections[c]
            return "fw-application-rule:\(t.firewalls[f].name)/\(groupKey(collection.origin))\(collection.name)/\(collection.rules[r].name)"
        case .firewallDefaultDeny(let f): return "fw-default-deny:\(t.firewalls[f].name)"
        case .securityRule(let g, let r, let inbound):
            let rule = t.securityGroups[g].rules(inbound ? .inbound : .outbound)[r]
            return "nsg-rule:\(t.securityGroups[g].name)/\(rule.direction.rawValue)/\(rule.name)"
        case .appGatewayListener(let g, let l): return "agw-listener:\(t.appGateways[g].name)/\(t.appGateways[g].listeners[l].name)"
        case .natGateway(let n): return "nat-gateway:\(t.natGateways[n].name)"
        case .instancePublicIP(let w): return "instance-public-ip:\(t.workloads[w].name)"
        case .defaultOutboundAccess(let s): return "default-outbound:\(t.subnets[s].qualifiedName)"
        case .peering(let p): return "peering:\(t.peerings[p].name)"
        case .onPremisesRoute(let n): return "on-premises-route:\(t.onPremises[n].name)"
        case .session: return "session"
        }
    }

    /// `policy/group/` for a collection compiled from a Firewall Policy (collection names repeat across groups and
    /// policies); empty for classic rules, whose keys stay as they were.
    static func groupKey(_ origin: FirewallPolicyOrigin?) -> String {
        origin.map { "\($0.policy)/\($0.ruleCollectionGroup)/" } ?? ""
    }

    /// The fingerprint of a finding: FNV-1a over the rule id, the identity's code and its elements. It takes no message,
    /// so rewording a message never changes it.
    static func fingerprint(rule: String, identity: FindingIdentity) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in [rule, identity.code] + identity.elements {
            for byte in part.utf8 + [0] {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
        }
        return String(hash, radix: 16)
    }

    /// One SARIF result; the fingerprint is computed by the caller from the finding's identity.
    static func result(
        _ rule: String, _ level: String, _ message: String, at location: SourceLocation, related: [SourceLocation], fingerprint: String
    ) -> Result {
        Result(
            ruleId: rule, ruleIndex: rules.firstIndex { $0.id == rule } ?? 0, level: level, message: .init(text: message),
            locations: [.init(location)],
            relatedLocations: related.isEmpty ? nil : related.enumerated().map { .init($0.element, id: $0.offset) },
            partialFingerprints: [fingerprintKey: fingerprint])
    }

    /// A file path as a SARIF URI reference (relative paths stay relative; unsafe characters percent-encoded).
    static func uri(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "()")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }

    struct Log: Encodable {
        var schema: String
        var version: String
        var runs: [Run]
        enum CodingKeys: String, CodingKey { case schema = "$schema", version, runs }
    }
    struct Run: Encodable {
        var tool: Tool
        var results: [Result]
        var columnKind: String
    }
    struct Tool: Encodable { var driver: Driver }
    struct Driver: Encodable {
        var name: String
        var semanticVersion: String
        var version: String
        var rules: [RuleDescriptor]
    }
    struct Text: Encodable { var text: String }
    struct Help: Encodable {
        var text: String
        var markdown: String
    }
    struct Configuration: Encodable { var level: String }
    struct RuleDescriptor: Encodable {
        var id: String
        var name: String
        var shortDescription: Text
        var fullDescription: Text
        var help: Help
        var defaultConfiguration: Configuration
        var helpUri: String
        init(_ r: Rule, rulesURL: String) {
            id = r.id
            name = r.name
            shortDescription = Text(text: r.short)
            fullDescription = Text(text: r.help)
            helpUri = "\(rulesURL)#\(r.id.lowercased())"
            help = Help(
                text: r.help + " The Azure rules cited in messages (R22, F13, …) are explained in \(rulesURL).",
                markdown: "**\(r.short).** \(r.help) The Azure rules cited in messages are explained in [rules.md](\(helpUri)).")
            defaultConfiguration = Configuration(level: r.id == "RT004" ? "note" : (r.id == "RT009" ? "warning" : "error"))
        }
    }
    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int
        var endLine: Int? = nil
        var endColumn: Int? = nil
    }
    struct ArtifactLocation: Encodable { var uri: String }
    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region?
    }
    struct LogicalLocation: Encodable {
        var fullyQualifiedName: String
        var kind: String
    }
    struct Location: Encodable {
        var id: Int?
        var physicalLocation: PhysicalLocation
        /// An imported element's Azure resource id (code scanning shows it beside the file position).
        var logicalLocations: [LogicalLocation]?
        init(_ l: SourceLocation, id: Int? = nil) {
            self.id = id
            physicalLocation = PhysicalLocation(
                artifactLocation: ArtifactLocation(uri: SARIFReport.uri(l.file)),
                region: l.line > 0 ? Region(startLine: l.line, startColumn: max(1, l.column)) : nil)
            logicalLocations = l.resourceID.map { [LogicalLocation(fullyQualifiedName: $0, kind: "resource")] }
        }
    }
    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Text
        var locations: [Location]
        var relatedLocations: [Location]?
        var partialFingerprints: [String: String]
        var suppressions: [Suppression]?
        var fixes: [Fix]?
    }
}
