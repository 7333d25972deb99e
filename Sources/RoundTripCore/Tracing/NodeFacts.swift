/// Everything the reports say about a place a packet can be, decided in one switch: adding a kind of node means a
/// case in ``Node`` and a case in ``Topology/facts(of:)``, and every writer (text, JSON, DOT, HTML) follows.
public struct NodeFacts: Sendable, Hashable {
    /// What kind of place it is, for machine-readable output and diagram styles.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A host on the Internet.
        case internetHost
        /// In transit on the Internet.
        case internet
        /// A host in an on-premises network.
        case onPremises
        /// The on-premises edge towards the Internet (forced tunnelling).
        case onPremisesEdge
        /// A workload's NIC (or pod).
        case nic
        /// A load balancer frontend.
        case loadBalancer
        /// An Azure Firewall (frontend or instance).
        case firewall
        /// An Application Gateway (frontend or instance).
        case applicationGateway
        /// A NAT gateway.
        case natGateway
        /// A VPN or ExpressRoute gateway.
        case virtualNetworkGateway
        /// A peering.
        case peering
        /// A virtual network as a whole.
        case virtualNetwork
        /// A network security group.
        case networkSecurityGroup
    }

    /// The kind of place.
    public var kind: Kind
    /// The element's name (`hub-firewall`, `aks-nodes`, `internet`).
    public var name: String
    /// A longer label (`firewall hub-firewall instance 1 (10.42.2.6)`).
    public var label: String
    /// A short description of what it is, for diagrams (`Azure Firewall · instance 1 · 10.42.2.6`).
    public var summary: String
    /// The instance, for devices that run several (firewall, App Gateway).
    public var instance: Int?
    /// The address the packet is at, where there is one.
    public var address: IPv4Address?
    /// The subnet it sits in, if any.
    public var subnet: Int?
}

extension Topology {
    /// The facts about a node.
    public func facts(of node: Node) -> NodeFacts {
        switch node {
        case .internetHost(let a):
            return NodeFacts(
                kind: .internetHost, name: "internet", label: "internet host \(a)", summary: "Internet host · \(a)", address: a)
        case .internet:
            return NodeFacts(kind: .internet, name: "internet", label: "internet", summary: "Internet")
        case .onPremises(let n):
            return NodeFacts(
                kind: .onPremises, name: onPremises[n].name, label: "on-premises '\(onPremises[n].name)'", summary: "on-premises network")
        case .onPremisesEdge(let n):
            return NodeFacts(
                kind: .onPremisesEdge, name: onPremises[n].name, label: "on-premises edge of '\(onPremises[n].name)'",
                summary: "on-premises edge")
        case .nic(let w, let a):
            let workload = workloads[w]
            let subnet = workload.onKubenet ? workload.hostedOn.map { workloads[$0].subnet } : workload.subnet
            return NodeFacts(
                kind: .nic, name: workload.name, label: "\(workload.name) (\(a))", summary: "\(workload.kind.rawValue) · \(a)", address: a,
                subnet: subnet)
        case .loadBalancer(let lb, let fe):
            let balancer = loadBalancers[lb]
            let frontend = balancer.frontends[fe]
            return NodeFacts(
                kind: .loadBalancer, name: balancer.name, label: "load balancer \(balancer.name)/\(frontend.name) (\(frontend.address))",
                summary: "\(balancer.isPublic ? "public" : "internal") load balancer · \(frontend.name) · \(frontend.address)",
                address: frontend.address, subnet: frontend.subnet)
        case .firewall(let f, let i):
            let fw = firewalls[f]
            if let i {
                return NodeFacts(
                    kind: .firewall, name: fw.name, label: "firewall \(fw.name) instance \(i) (\(fw.instanceIPs[i]))",
                    summary: "Azure Firewall · instance \(i) · \(fw.instanceIPs[i])", instance: i, address: fw.instanceIPs[i],
                    subnet: fw.subnet)
            }
            return NodeFacts(
                kind: .firewall, name: fw.name, label: "firewall \(fw.name)", summary: "Azure Firewall · \(fw.privateIP)",
                address: fw.privateIP, subnet: fw.subnet)
        case .appGateway(let g, let i):
            let agw = appGateways[g]
            if let i {
                return NodeFacts(
                    kind: .applicationGateway, name: agw.name,
                    label: "application gateway \(agw.name) instance \(i) (\(agw.instanceIPs[i]))",
                    summary: "Application Gateway · instance \(i) · \(agw.instanceIPs[i])", instance: i, address: agw.instanceIPs[i],
                    subnet: agw.subnet)
            }
            return NodeFacts(
                kind: .applicationGateway, name: agw.name, label: "application gateway \(agw.name)", summary: "Application Gateway",
                subnet: agw.subnet)
        case .natGateway(let n):
            return NodeFacts(
                kind: .natGateway, name: natGateways[n].name, label: "NAT gateway \(natGateways[n].name)",
                summary: "NAT gateway · \(natGateways[n].addresses.map(\.description).joined(separator: ", "))")
        case .vnetGateway(let g):
            return NodeFacts(
                kind: .virtualNetworkGateway, name: gateways[g].name, label: "gateway \(gateways[g].name)",
                summary: "\(gateways[g].gatewayType.rawValue) gateway", subnet: gateways[g].subnet)
        case .peering(let p):
            return NodeFacts(kind: .peering, name: peerings[p].name, label: "peering \(peerings[p].name)", summary: "peering")
        case .securityGroup(let g):
            return NodeFacts(
                kind: .networkSecurityGroup, name: securityGroups[g].name, label: "NSG \(securityGroups[g].name)",
                summary: "network security group")
        case .vnet(let v):
            return NodeFacts(
                kind: .virtualNetwork, name: vnets[v].name, label: "virtual network \(vnets[v].name)",
                summary: "virtual network · \(vnets[v].addressSpace.map(\.description).joined(separator: ", "))")
        }
    }

    /// The element name of a node (`hub-firewall`, `aks-nodes`, `internet`).
    public func name(of node: Node) -> String { facts(of: node).name }

    /// A longer label for a node (`hub-firewall instance 1 (10.42.2.6)`).
    public func label(of node: Node) -> String { facts(of: node).label }

    /// The subnet a node sits in, if any.
    public func subnet(of node: Node) -> Int? { facts(of: node).subnet }
}
