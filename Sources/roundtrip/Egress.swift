import ArgumentParser
import Foundation
import RoundTripCore
import RoundTripImport
import RoundTripReport

/// `roundtrip egress`: which public IP a workload leaves with, which rule lets it out, SNAT headroom.
struct Egress: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show how workloads reach the Internet: the path, the public source IP, the firewall rule, SNAT ports.",
        discussion: """
            Without --to, a summary for every workload (or the one named by --from). With --to, one round trip \
            traced hop by hop. --what-if shows the effect of a change side by side: outboundType=..., \
            managedOutboundIPs=N, allocatedOutboundPorts=N, nodes=N (applied to every AKS cluster).

            Examples:
              roundtrip egress samples/udr-firewall.yaml
              roundtrip egress samples/udr-firewall.yaml --from nginx --to ifconfig.me:80
              roundtrip egress samples/lb-outbound.yaml --what-if nodes=52
              roundtrip egress design.yaml --what-if managedOutboundIPs=3 --format json
            """)

    @OptionGroup var design: DesignOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "A workload or VNET/SUBNET.")
    var from: String?

    @Option(help: "A destination: endpoint, FQDN or address, with :PORT and /PROTO (default port 443).")
    var to: String?

    @Option(help: "Expected concurrent connections per instance to one destination, to flag SNAT exhaustion.")
    var expectedConnections: Int?

    @Option(
        name: .customLong("what-if"),
        help: "A change to compare: outboundType=TYPE, managedOutboundIPs=N, allocatedOutboundPorts=N, nodes=N.")
    var whatIf: [String] = []

    @Option(help: "Output format: text or json.")
    var format: ResultFormat = .text

    func run() throws {
        try guarded {
            var spec = try design.loadDesign()
            let topology: Topology
            topology = try design.compile(spec)
            let workloads = try selected(from, in: topology)
            if let to {
                let (target, port, proto) = try parseDestination(to)
                guard let source = workloads.first else { throw InputFailure("--from: error: name the workload that connects") }
                var flow = FlowSpec(
                    name: "\(topology.workloads[source].name) → \(to)", from: topology.workloads[source].name, to: target,
                    source: SourceMap(element: SourceLocation(file: "--to", line: 1, column: 1)))
                flow.port = port ?? 443
                flow.protocolType = proto
                if IPv4Address(target) == nil, !spec.endpoints.contains(where: { $0.name == target }) {
                    // An FQDN: a representative address, matched by application rules on its name.
                    var endpoint = EndpointSpec(name: target, source: flow.source)
                    endpoint.fqdn = target
                    spec.endpoints.append(endpoint)
                }
                spec.flows = [flow]
                let traced: Topology
                traced = try design.compile(spec)
                let trace = Tracer(traced).trace(flowAt: 0)
                var text = TextReport.trace(trace, flow: traced.flows[0], in: traced)
                if format == .json {
                    text = try JSONReport.trace(Checker.evaluate(trace, flow: traced.flows[0], in: traced), in: traced)
                } else if trace.verdict == .symmetric {
                    text += "\nleaves from \(trace.egressAddresses.map(\.description).joined(separator: " or "))\n"
                }
                try emit(text, to: output.output, input: design.file)
                return trace.verdict == .symmetric ? 0 : 1
            }
            let summaries = workloads.map { topology.egressSummary(of: $0) }
            var text = EgressReport.text(summaries, in: topology, expected: expectedConnections)
            if !whatIf.isEmpty {
                let changed = try WhatIf.apply(whatIf, to: spec)
                let after: Topology
                do { after = try Topology.compile(changed) } catch let error as DesignError {
                    throw InputFailure("--what-if: \(error.description)")
                }
                let comparison = EgressComparison(topology, after, workloads: workloads)
                text += "\nWhat-if \(whatIf.joined(separator: ", ")):\n"
                text += EgressReport.compare(comparison, expected: expectedConnections)
                if format == .json {
                    text = try JSONReport.egress(
                        summaries, in: topology, whatIf: (whatIf, comparison.entries.map(\.whatIf), after))
                }
            } else if format == .json {
                text = try JSONReport.egress(summaries, in: topology)
            }
            try emit(text, to: output.output, input: design.file)
            return 0
        }
    }

    /// The workloads `--from` names: one workload, or every workload of a subnet; all without it.
    func selected(_ name: String?, in t: Topology) throws -> [Int] {
        guard let name else { return Array(t.workloads.indices) }
        if let w = t.workloads.firstIndex(where: { $0.name == name }) { return [w] }
        if let s = t.subnetIndex(named: name) { return t.workloads.indices.filter { t.workloads[$0].subnet == s } }
        throw unknownName("workload", name, in: t.workloads.map(\.name), file: "--from", note: " and no subnet of that VNET/SUBNET name")
    }
}

/// Design changes for `--what-if`.
enum WhatIf {
    static func apply(_ changes: [String], to design: Design) throws -> Design {
        var d = design
        for change in changes {
            let parts = change.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw InputFailure("--what-if: error: '\(change)' is not KEY=VALUE") }
            let (key, value) = (parts[0], parts[1])
            switch key {
            case "outboundType":
                guard let type = OutboundType(rawValue: value) else {
                    throw InputFailure(
                        "--what-if: error: outboundType must be one of \(OutboundType.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                for i in d.kubernetesClusters.indices { setOutboundType(type, cluster: i, in: &d) }
            case "managedOutboundIPs":
                guard let count = Int(value), (1...100).contains(count) else {
                    throw InputFailure("--what-if: error: managedOutboundIPs must be 1 to 100")
                }
                for i in d.kubernetesClusters.indices { setOutboundIPs(count, cluster: i, in: &d) }
            case "allocatedOutboundPorts":
                guard let ports = Int(value), ports >= 0, ports <= 64000, ports % 8 == 0 else {
                    throw InputFailure("--what-if: error: allocatedOutboundPorts must be 0 to 64000, a multiple of 8")
                }
                for i in d.kubernetesClusters.indices {
                    var profile = d.kubernetesClusters[i].loadBalancerProfile ?? .init(source: d.kubernetesClusters[i].source)
                    profile.allocatedOutboundPorts = ports
                    d.kubernetesClusters[i].loadBalancerProfile = profile
                }
            case "nodes":
                guard let count = Int(value), (1...5000).contains(count) else {
                    throw InputFailure("--what-if: error: nodes must be 1 to 5000")
                }
                for cluster in d.kubernetesClusters {
                    for pool in cluster.nodePools {
                        guard let w = d.workloads.firstIndex(where: { $0.name == pool }), let first = d.workloads[w].ipAddresses.first
                        else { continue }
                        // New node addresses follow the first one, skipping addresses something else holds.
                        var used = Set(d.workloads.enumerated().filter { $0.offset != w }.flatMap(\.element.ipAddresses))
                        used.formUnion(d.loadBalancers.flatMap { $0.frontendIPConfigurations.compactMap(\.privateIPAddress) })
                        used.formUnion(d.applicationGateways.flatMap(\.instanceIPAddresses))
                        for fw in d.azureFirewalls {
                            used.formUnion(
                                (0...UInt32(max(fw.instanceCount, fw.instanceIPAddresses.count))).map {
                                    IPv4Address(fw.privateIPAddress.value &+ $0)
                                })
                        }
                        var addresses: [IPv4Address] = []
                        var next = first.value
                        while addresses.count < count {
                            if !used.contains(IPv4Address(next)) { addresses.append(IPv4Address(next)) }
                            next &+= 1
                        }
                        d.workloads[w].ipAddresses = addresses
                    }
                }
            default:
                throw InputFailure(
                    "--what-if: error: unknown change '\(key)'; use outboundType, managedOutboundIPs, allocatedOutboundPorts or nodes")
            }
        }
        return d
    }

    /// Placeholder public IPs for addresses Azure would assign (198.18.0.0/15, the benchmarking range).
    static func placeholder(_ name: String, _ index: Int, in d: inout Design) -> String {
        let full = "what-if-\(name)-\(index)"
        if !d.publicIPAddresses.contains(where: { $0.name == full }) {
            let address = IPv4Address(IPv4Address(198, 18, 0, 1).value &+ UInt32(d.publicIPAddresses.count))
            d.publicIPAddresses.append(PublicIPSpec(name: full, prefix: IPv4Prefix(host: address), isPrefix: false, source: d.source))
        }
        return full
    }

    static func setOutboundIPs(_ count: Int, cluster i: Int, in d: inout Design) {
        var profile = d.kubernetesClusters[i].loadBalancerProfile ?? .init(source: d.kubernetesClusters[i].source)
        var ips = Array(profile.outboundIPs.prefix(count))
        while ips.count < count { ips.append(placeholder("outbound", ips.count, in: &d)) }
        profile.outboundIPs = ips
        profile.managedOutboundIPCount = nil
        d.kubernetesClusters[i].loadBalancerProfile = profile
    }

    static func setOutboundType(_ type: OutboundType, cluster i: Int, in d: inout Design) {
        d.kubernetesClusters[i].outboundType = type
        switch type {
        case .loadBalancer:
            if d.kubernetesClusters[i].loadBalancerProfile?.outboundIPs.isEmpty ?? true { setOutboundIPs(1, cluster: i, in: &d) }
        case .managedNATGateway, .userAssignedNATGateway:
            if d.kubernetesClusters[i].natGateway == nil {
                let name = "what-if-natgw"
                if !d.natGateways.contains(where: { $0.name == name }) {
                    d.natGateways.append(NatGatewaySpec(name: name, publicIPAddresses: [placeholder("natgw", 0, in: &d)], source: d.source))
                }
                d.kubernetesClusters[i].natGateway = name
            }
            let nat = d.kubernetesClusters[i].natGateway
            for pool in d.kubernetesClusters[i].nodePools {
                guard let w = d.workloads.firstIndex(where: { $0.name == pool }) else { continue }
                let subnet = d.workloads[w].subnet
                for v in d.virtualNetworks.indices {
                    for s in d.virtualNetworks[v].subnets.indices
                    where "\(d.virtualNetworks[v].name)/\(d.virtualNetworks[v].subnets[s].name)" == subnet {
                        d.virtualNetworks[v].subnets[s].natGateway = nat
                    }
                }
            }
        default:
            break
        }
    }
}
