/// One destination AKS needs to reach (azure-semantics K3, AKS-FQDN, AKS-FW).
public struct RequiredEgress: Sendable, Hashable {
    /// What it is for.
    public var purpose: String
    /// Transport protocol.
    public var protocolType: TransportProtocol
    /// Port.
    public var port: UInt16
    /// FQDN (application rules), if it is one.
    public var fqdn: String?
    /// Service tag (network rules), if it is one.
    public var serviceTag: String?
    /// Whether every cluster needs it; conditional ones are reported, never failed.
    public var required: Bool
    /// When it is needed.
    public var note: String?

    /// The destination as written in the docs.
    public var destination: String { fqdn ?? serviceTag ?? "" }

    /// The K3 list for a cluster in a region.
    public static func list(cluster: String, region: String) -> [RequiredEgress] {
        let conditionalTunnel = "not needed for private clusters or clusters with konnectivity-agent"
        return [
            RequiredEgress(
                purpose: "API server tunnel", protocolType: .udp, port: 1194, serviceTag: "AzureCloud.\(region)", required: false,
                note: conditionalTunnel),
            RequiredEgress(
                purpose: "API server tunnel", protocolType: .tcp, port: 9000, serviceTag: "AzureCloud.\(region)", required: false,
                note: conditionalTunnel),
            RequiredEgress(
                purpose: "time sync", protocolType: .udp, port: 123, fqdn: "ntp.ubuntu.com", required: false,
                note: "not needed for nodes provisioned after March 2021"),
            RequiredEgress(
                purpose: "API server", protocolType: .tcp, port: 443, fqdn: "\(cluster.lowercased()).hcp.\(region).azmk8s.io",
                required: true),
            RequiredEgress(
                purpose: "Microsoft Container Registry", protocolType: .tcp, port: 443, fqdn: "mcr.microsoft.com", required: true),
            RequiredEgress(
                purpose: "MCR content delivery", protocolType: .tcp, port: 443, fqdn: "\(region).data.mcr.microsoft.com", required: true),
            RequiredEgress(purpose: "Azure management", protocolType: .tcp, port: 443, fqdn: "management.azure.com", required: true),
            RequiredEgress(purpose: "Microsoft Entra ID", protocolType: .tcp, port: 443, fqdn: "login.microsoftonline.com", required: true),
            RequiredEgress(purpose: "packages", protocolType: .tcp, port: 443, fqdn: "packages.microsoft.com", required: true),
            RequiredEgress(purpose: "node binaries", protocolType: .tcp, port: 443, fqdn: "acs-mirror.azureedge.net", required: true),
        ]
    }

    init(
        purpose: String, protocolType: TransportProtocol, port: UInt16, fqdn: String? = nil, serviceTag: String? = nil, required: Bool,
        note: String? = nil
    ) {
        self.purpose = purpose
        self.protocolType = protocolType
        self.port = port
        self.fqdn = fqdn
        self.serviceTag = serviceTag
        self.required = required
        self.note = note
    }
}

/// Whether one required destination is reachable from a cluster.
public struct RequiredEgressResult: Sendable {
    /// The cluster.
    public var cluster: Int
    /// The destination.
    public var item: RequiredEgress
    /// The round trip from the first node.
    public var trace: FlowTrace
    /// Whether it gets out and back.
    public var allowed: Bool { trace.verdict == .symmetric }
    /// The firewall rule that allowed or denied it, if a firewall is on the path.
    public var rule: Decision? {
        for hop in trace.forward {
            switch hop.decision {
            case .firewallNetworkRule, .firewallApplicationRule, .firewallDefaultDeny: return hop.decision
            default: continue
            }
        }
        return nil
    }
    /// The rule that would allow it, when it is denied.
    public func allowHint(in t: Topology) -> String? {
        guard !allowed else { return nil }
        let fw = trace.forward.lazy.compactMap { hop -> String? in
            if case .firewall(let f, _) = hop.node { return t.firewalls[f].name } else { return nil }
        }.first
        let on = fw.map { " on '\($0)'" } ?? ""
        if let tag = item.serviceTag {
            return "a network rule\(on): \(item.protocolType.rawValue.uppercased()) \(item.port) to \(tag)"
        }
        if item.protocolType == .udp, let fqdn = item.fqdn {
            return "a network rule\(on): UDP \(item.port) to destinationFqdns \(fqdn) (needs DNS proxy)"
        }
        return "an application rule\(on): Https:\(item.port) for \(item.fqdn ?? ""), or fqdnTags [AzureKubernetesService]"
    }
}

extension Topology {
    /// Checks every AKS cluster's required egress (K3) against whatever sits on its path.
    public func requiredEgressResults() -> [RequiredEgressResult] {
        var results: [RequiredEgressResult] = []
        let tracer = Tracer(self)
        for (c, cluster) in clusters.enumerated() {
            guard let pool = cluster.nodePools.first, cluster.outboundType != .none, cluster.outboundType != .block else { continue }
            let node = workloads[pool].addresses[0]
            for (i, item) in RequiredEgress.list(cluster: cluster.name, region: region).enumerated() {
                let address: IPv4Address
                if let tag = item.serviceTag, let prefix = serviceTags.prefixes(tag)?.first {
                    address = IPv4Address(prefix.network.value &+ 1)
                } else if let fqdn = item.fqdn, let known = endpoints.first(where: { $0.fqdn?.lowercased() == fqdn.lowercased() }) {
                    address = known.address
                } else {
                    address = IPv4Address(IPv4Address(198, 51, 100, 200).value &+ UInt32(i))
                }
                let flow = Flow.synthesized(
                    name: "\(cluster.name) → \(item.destination)", fromText: workloads[pool].name, toText: item.destination,
                    from: .workload(pool, node), to: .internet(address), fqdn: item.fqdn, port: item.port,
                    protocolType: item.protocolType, description: item.purpose, source: cluster.source)
                results.append(RequiredEgressResult(cluster: c, item: item, trace: tracer.trace(flow)))
            }
        }
        return results
    }
}
