/// What owns a private address.
public enum AddressOwner: Hashable, Sendable {
    /// A workload NIC.
    case nic(workload: Int)
    /// An internal load balancer frontend.
    case loadBalancerFrontend(lb: Int, frontend: Int)
    /// An Azure Firewall's private frontend (its internal platform load balancer).
    case firewallFrontend(firewall: Int)
    /// One Azure Firewall instance.
    case firewallInstance(firewall: Int, instance: Int)
    /// An Application Gateway private frontend.
    case appGatewayFrontend(gateway: Int, frontend: Int)
    /// One Application Gateway instance.
    case appGatewayInstance(gateway: Int, instance: Int)
}

/// What owns a public address.
public enum PublicOwner: Hashable, Sendable {
    /// A public load balancer frontend (inbound rules and outbound SNAT).
    case loadBalancerFrontend(lb: Int, frontend: Int)
    /// An Azure Firewall public IP.
    case firewall(firewall: Int)
    /// An Application Gateway public frontend.
    case appGatewayFrontend(gateway: Int, frontend: Int)
    /// A workload's instance-level public IP.
    case instancePublicIP(workload: Int)
    /// A NAT gateway address.
    case natGateway(natGateway: Int)
}
