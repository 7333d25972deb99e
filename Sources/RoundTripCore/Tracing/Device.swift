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
    /// What happened to the device's session.
    public enum Kind: String, Sendable { case created, matched, missing }
    /// The device that keeps the session.
    public var device: Device
    /// Whether the session was created, matched or found missing.
    public var kind: Kind
}
