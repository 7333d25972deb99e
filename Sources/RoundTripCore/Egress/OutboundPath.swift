/// How Azure translates a workload's own Internet-bound packets once its route says `Internet`: the outbound
/// precedence of N4, decided in one place for the tracer and the egress analysis.
public enum OutboundPath: Sendable, Hashable {
    /// The subnet's NAT gateway (N4: it wins over everything else).
    case natGateway(Int)
    /// The workload's own instance-level public IP (1:1 NAT, L12).
    case instancePublicIP(Int)
    /// A load balancer outbound rule whose pool holds the address (L11).
    case loadBalancerOutbound(lb: Int, rule: Int)
    /// Default outbound access: an address Azure picks, retiring for new subnets (L12, K1).
    case defaultOutbound
    /// AKS `outboundType: block`.
    case blocked(cluster: Int)
    /// None: a private subnet (`defaultOutboundAccess: false`) or AKS `outboundType: none` with nothing else.
    case none
}

extension Topology {
    /// The outbound path of workload `w` sending from `address` (N4: NAT gateway > instance public IP > LB outbound
    /// rule > default outbound access), after a route already decided the packet goes to the Internet.
    public func outboundPath(of w: Int, address: IPv4Address) -> OutboundPath {
        let workload = workloads[w]
        let cluster = workload.cluster
        if let c = cluster, clusters[c].outboundType == .block { return .blocked(cluster: c) }
        let subnet = subnets[workload.subnet]
        if let n = subnet.natGateway { return .natGateway(n) }
        if workload.publicIP != nil { return .instancePublicIP(w) }
        if let (lb, rule) = outboundRule(containing: address) { return .loadBalancerOutbound(lb: lb, rule: rule) }
        let clusterAllows = cluster.map { clusters[$0].outboundType != .none } ?? true
        if subnet.defaultOutboundAccess && clusterAllows { return .defaultOutbound }
        return .none
    }

    /// The LB outbound rule whose pool holds an address.
    func outboundRule(containing address: IPv4Address) -> (Int, Int)? {
        for (l, lb) in loadBalancers.enumerated() {
            for (r, rule) in lb.outboundRules.enumerated()
            where !rule.frontends.isEmpty && lb.pools[rule.pool].members.contains(where: { $0.address == address }) {
                return (l, r)
            }
        }
        return nil
    }
}
