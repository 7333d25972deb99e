/// What decided a hop: the route or rule to cite.
public enum Decision: Hashable, Sendable {
    /// An effective route of a subnet (index into ``Topology/effectiveRoutes``).
    case route(subnet: Int, index: Int)
    /// A load-balancing or inbound NAT rule.
    case loadBalancerRule(lb: Int, rule: Int)
    /// An LB outbound rule.
    case outboundRule(lb: Int, rule: Int)
    /// A firewall DNAT rule.
    case firewallNatRule(firewall: Int, collection: Int, rule: Int)
    /// A firewall network rule.
    case firewallNetworkRule(firewall: Int, collection: Int, rule: Int)
    /// A firewall application rule.
    case firewallApplicationRule(firewall: Int, collection: Int, rule: Int)
    /// No firewall rule matched (F8 default deny).
    case firewallDefaultDeny(firewall: Int)
    /// An App Gateway listener.
    case appGatewayListener(gateway: Int, listener: Int)
    /// NAT gateway SNAT on the subnet.
    case natGateway(Int)
    /// Instance-level public IP (1:1 NAT).
    case instancePublicIP(workload: Int)
    /// Default outbound access of a subnet.
    case defaultOutboundAccess(subnet: Int)
    /// A peering's setting.
    case peering(Int)
    /// An on-premises network routes the prefix back through its gateway.
    case onPremisesRoute(Int)
    /// A reply matched an existing session.
    case session
    /// A network security group rule (index into the group's rules of that direction).
    case securityRule(group: Int, rule: Int, inbound: Bool)
}
