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
    /// A network security group (where it checked a packet).
    case securityGroup(Int)
}
