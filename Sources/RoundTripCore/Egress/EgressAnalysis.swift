/// How a workload reaches the Internet, and with which public address (N4, §8).
public struct EgressSummary: Sendable {
    /// The outbound method.
    public enum Method: Sendable, Hashable {
        /// The subnet's NAT gateway.
        case natGateway(Int)
        /// The workload's own instance public IP.
        case instancePublicIP
        /// A load balancer outbound rule.
        case loadBalancerOutbound(lb: Int, rule: Int)
        /// Default outbound access (an address Azure picks).
        case defaultOutbound
        /// A user-defined route to Azure Firewall, which SNATs to its public IPs.
        case firewall(Int)
        /// A user-defined route to an NVA, which egresses its own way.
        case nva(Int)
        /// Forced tunnelling: out through on-premises.
        case onPremises(Int)
        /// AKS outboundType block.
        case blocked
        /// No path out.
        case none(String)
    }
    /// The workload.
    public var workload: Int
    /// The address it egresses from (a pod masqueraded to its node shows the node's).
    public var sourceAddress: IPv4Address
    /// The node a pod is masqueraded to.
    public var masqueradedTo: Int?
    /// How it leaves.
    public var method: Method
    /// The route that decided (the subnet's route for Internet destinations).
    public var route: Decision?
    /// Public addresses the destination can see.
    public var publicAddresses: [IPv4Address]
    /// For an NVA: how the NVA itself leaves.
    public var via: [EgressSummary]
    /// SNAT ports.
    public var snat: SNATCapacity?
}

extension Topology {
    /// The egress of every workload (pods on kubenet or Azure CNI leave through their node).
    public func egressSummaries() -> [EgressSummary] {
        workloads.indices.map { egressSummary(of: $0) }
    }

    /// How a workload reaches the Internet, decided the way the tracer decides it: the subnet's route for an
    /// Internet address first (a VirtualAppliance UDR wins over everything, N4), then NAT gateway, instance
    /// public IP, LB outbound rule, default outbound access.
    public func egressSummary(of w: Int, depth: Int = 0) -> EgressSummary {
        var workload = w
        var masqueraded: Int?
        if workloads[w].kind == .pod, let host = workloads[w].hostedOn {
            workload = host
            masqueraded = host
        }
        let address = workloads[workload].addresses[0]
        let subnet = workloads[workload].subnet
        let internetAddress = Flow.representativeInternetClient
        var summary = EgressSummary(
            workload: w, sourceAddress: address, masqueradedTo: masqueraded, method: .none("no route"), route: nil, publicAddresses: [],
            via: [], snat: nil)
        guard let index = effectiveRoutes[subnet].lookup(internetAddress) else { return summary }
        let route = effectiveRoutes[subnet].routes[index]
        summary.route = .route(subnet: subnet, index: index)
        switch route.nextHopType {
        case .none:
            summary.method = .none("the route for Internet destinations is None")
        case .vnetLocal, .vnetPeering, .interfaceEndpoint:
            summary.method = .none("the route for Internet destinations stays in the VNet")
        case .virtualNetworkGateway:
            let gateway: Int? = {
                if case .gateway(let g, _) = route.origin { return g }
                return gateways(reachableFrom: subnets[subnet].vnet).first
            }()
            let network = gateway.flatMap { g in onPremises.indices.first { onPremises[$0].gateway == g } }
            summary.method = network.map { .onPremises($0) } ?? .none("forced tunnel without an on-premises network")
        case .virtualAppliance:
            guard let ip = route.nextHopIP else { break }
            let candidates = [subnets[subnet].vnet] + peerGraph.connectedPeers[subnets[subnet].vnet].map(\.vnet)
            for v in candidates {
                switch addresses.owner(of: ip, in: v) {
                case .firewallFrontend(let f), .firewallInstance(let f, _):
                    let fw = firewalls[f]
                    summary.method = .firewall(f)
                    summary.publicAddresses = fw.forcedTunneling ? [] : fw.publicAddresses
                    summary.snat = .firewall(instances: fw.instanceIPs.count, ips: fw.publicAddresses.count)
                    return summary
                case .nic(let nva):
                    summary.method = .nva(nva)
                    if depth < 4, nva != workload {
                        let inner = egressSummary(of: nva, depth: depth + 1)
                        summary.via = [inner]
                        summary.publicAddresses = workloads[nva].snat ? inner.publicAddresses : []
                    }
                    return summary
                case .loadBalancerFrontend(let lb, _):
                    // HA-ports ILB in front of NVAs: each backend egresses its own way.
                    let members = Set(loadBalancers[lb].pools.flatMap { $0.members.compactMap(\.workload) }).sorted()
                    if let first = members.first { summary.method = .nva(first) }
                    if depth < 4 {
                        summary.via = members.map { egressSummary(of: $0, depth: depth + 1) }
                        summary.publicAddresses = Array(Set(summary.via.flatMap(\.publicAddresses))).sorted()
                    }
                    return summary
                default: continue
                }
            }
            summary.method = .none("next hop \(ip) is not reachable")
        case .internet:
            switch outboundPath(of: workload, address: address) {
            case .blocked: summary.method = .blocked
            case .natGateway(let n):
                summary.method = .natGateway(n)
                summary.publicAddresses = natGateways[n].addresses
                let instances = workloads.filter { subnets[$0.subnet].natGateway == n && $0.kind != .pod }.reduce(0) {
                    $0 + $1.addresses.count
                }
                summary.snat = .natGateway(instances: instances, ips: natGateways[n].addresses.count)
            case .instancePublicIP:
                summary.method = .instancePublicIP
                summary.publicAddresses = workloads[workload].publicIP.map { publicIPs[$0].addresses } ?? []
                summary.snat = .instancePublicIP()
            case .loadBalancerOutbound(let lb, let r):
                let rule = loadBalancers[lb].outboundRules[r]
                summary.method = .loadBalancerOutbound(lb: lb, rule: r)
                summary.publicAddresses = rule.frontends.map { loadBalancers[lb].frontends[$0].address }
                let poolSize = loadBalancers[lb].pools[rule.pool].members.count
                summary.snat = .loadBalancer(instances: poolSize, ips: rule.frontends.count, allocatedPorts: rule.allocatedOutboundPorts)
            case .defaultOutbound: summary.method = .defaultOutbound
            case .none: summary.method = .none("private subnet without NAT gateway, public IP or LB outbound rule")
            }
        }
        return summary
    }

    /// The method in words.
    public func describe(_ method: EgressSummary.Method) -> String {
        switch method {
        case .natGateway(let n): return "NAT gateway '\(natGateways[n].name)'"
        case .instancePublicIP: return "its instance public IP"
        case .loadBalancerOutbound(let lb, let r):
            return "load balancer '\(loadBalancers[lb].name)' outbound rule '\(loadBalancers[lb].outboundRules[r].name)'"
        case .defaultOutbound: return "default outbound access (address chosen by Azure, retiring)"
        case .firewall(let f):
            return "Azure Firewall '\(firewalls[f].name)'"
                + (firewalls[f].forcedTunneling ? " (forced tunnelling: out through on-premises)" : "")
        case .nva(let w): return "NVA '\(workloads[w].name)'"
        case .onPremises(let n): return "on-premises '\(onPremises[n].name)' (forced tunnelling)"
        case .blocked: return "nothing: outboundType block"
        case .none(let why): return "no path out: \(why)"
        }
    }
}
