/// A place a packet can be.
public enum Node: Hashable, Sendable {
    /// A host on the Internet (a client or a destination) with its address.
    case internetHost(IPv4Address)
    /// In transit on the Internet / Azure backbone.
    case internet
    /// A host in an on-premises network.
    case onPremises(Int)
    /// The on-premises edge towards the Internet (forced tunnelling).
    case onPremisesEdge(Int)
    /// A workload NIC (or pod) address.
    case nic(workload: Int, address: IPv4Address)
    /// A load balancer frontend.
    case loadBalancer(lb: Int, frontend: Int)
    /// An Azure Firewall: an instance, or its frontend (nil).
    case firewall(firewall: Int, instance: Int?)
    /// An Application Gateway instance or frontend.
    case appGateway(gateway: Int, instance: Int?)
    /// A NAT gateway.
    case natGateway(Int)
    /// A VPN/ExpressRoute gateway.
    case vnetGateway(Int)
    /// A peering.
    case peering(Int)
    /// A virtual network (a drop where no NIC owns the destination).
    case vnet(Int)
}

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
}

/// An address/port rewrite.
public struct Rewrite: Hashable, Sendable {
    /// Which side of the header changed.
    public enum Field: String, Sendable { case source, destination }
    /// NAT kind, for display.
    public enum Kind: String, Sendable {
        case dnat = "DNAT", snat = "SNAT", unDnat = "un-DNAT", unSnat = "un-SNAT", proxy = "proxy"
    }
    /// `field`.
    public var field: Field
    /// `kind`.
    public var kind: Kind
    /// `beforeAddress`.
    public var beforeAddress: IPv4Address
    /// `beforePort`.
    public var beforePort: UInt16
    /// `afterAddress`.
    public var afterAddress: IPv4Address
    /// `afterPort`.
    public var afterPort: UInt16
}

/// A stateful or translating device's state, for session events.
public enum Device: Hashable, Sendable {
    /// A firewall instance.
    case firewall(firewall: Int, instance: Int)
    /// A workload NIC that keeps state (a stateful NVA, kubenet masquerade, SNAT).
    case nic(workload: Int, address: IPv4Address)
    /// A NAT gateway.
    case natGateway(Int)
    /// An App Gateway instance.
    case appGateway(gateway: Int, instance: Int)
    /// The on-premises edge firewall.
    case onPremisesEdge(Int)
    /// Load-balancer NAT kept at the backend host (not a drop point).
    case loadBalancerHost(lb: Int, frontend: Int)
    /// LB outbound SNAT.
    case loadBalancerOutbound(lb: Int, frontend: Int)
    /// Instance public IP NAT.
    case instancePublicIP(workload: Int)
    /// Default outbound access SNAT.
    case defaultOutbound(subnet: Int)
}

/// A session event at a hop.
public struct SessionEvent: Hashable, Sendable {
    /// `Kind`.
    public enum Kind: String, Sendable { case created, matched, missing }
    /// `device`.
    public var device: Device
    /// `kind`.
    public var kind: Kind
}

/// One step of a trace: where the packet is, the header on arrival, what decided the next step, NAT, sessions.
public struct Hop: Sendable {
    /// Which leg.
    public enum Direction: String, Sendable { case forward, `return` }
    /// What happened to the packet here.
    public enum Outcome: String, Sendable { case forwarded, delivered, dropped }
    /// Leg.
    public var direction: Direction
    /// Place.
    public var node: Node
    /// Header on arrival.
    public var packet: Packet
    /// Route or rule that decided.
    public var decision: Decision?
    /// Rewrites applied here.
    public var rewrites: [Rewrite] = []
    /// Session created, matched or missing here.
    public var session: SessionEvent?
    /// Outcome.
    public var outcome: Outcome = .forwarded
    /// A short remark (e.g. why a reply was not restored).
    public var note: String?

    /// The header leaving the hop (after rewrites).
    public var outgoing: Packet {
        var p = packet
        for r in rewrites {
            switch r.field {
            case .source: p.source = r.afterAddress; p.sourcePort = r.afterPort
            case .destination: p.destination = r.afterAddress; p.destinationPort = r.afterPort
            }
        }
        return p
    }
}
