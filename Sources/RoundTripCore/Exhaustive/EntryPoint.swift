/// A way into the design that clients use: what they connect to, and who the clients can be.
public struct EntryPoint: Sendable {
    /// What kind of entry point.
    public enum Kind: Sendable {
        /// A load-balancing or inbound NAT rule on a load balancer frontend.
        case loadBalancerRule(lb: Int, rule: Int)
        /// A firewall DNAT rule on one of the firewall's public addresses.
        case firewallDnat(firewall: Int, collection: Int, rule: Int)
        /// An Application Gateway listener.
        case appGatewayListener(gateway: Int, listener: Int)
        /// A workload's instance-level public IP.
        case instancePublicIP(workload: Int)
        /// A flow of the design, checked for every client of its source.
        case flow(Int)
        /// A round trip an assertion asks about.
        case custom(Flow)
    }

    /// Who the clients are.
    public enum Clients: Sendable, Hashable {
        /// Every Internet address (outside private, reserved and the design's own ranges).
        case internet
        /// Every address of an on-premises network.
        case onPremises(Int)
        /// One fixed source (a workload flow).
        case fixed(FlowEnd)
    }

    /// Kind.
    public var kind: Kind
    /// Clients.
    public var clients: Clients
    /// Only these clients (nil: every client of the kind).
    public var restrict: AddressSpace? = nil
    /// The address clients connect to.
    public var address: IPv4Address
    /// Destination port.
    public var port: UInt16
    /// Protocol.
    public var protocolType: TransportProtocol
    /// Backend addresses behind it (each is checked).
    public var backends: [IPv4Address]
    /// Readable name (`kubernetes/nginx rule nginx-Tcp-80`).
    public var name: String
    /// Where it is declared.
    public var location: SourceLocation
}

extension Topology {
    /// Every entry point: public LB rules, firewall DNAT rules, App Gateway listeners, instance public IPs (from the
    /// Internet); internal LB rules and private listeners (from each on-premises network that reaches them); and
    /// each flow of the design.
    public func entryPoints() -> [EntryPoint] {
        var result: [EntryPoint] = []
        func onPremClients(of vnet: Int) -> [EntryPoint.Clients] {
            onPremises.indices.filter { n in vnets(advertisedBy: onPremises[n].gateway).contains(vnet) }
                .map { .onPremises($0) }
        }
        for (l, lb) in loadBalancers.enumerated() {
            for (r, rule) in lb.rules.enumerated() where !rule.isHAPorts {
                let fe = lb.frontends[rule.frontend]
                let backends = rule.target.map { [$0.address] } ?? rule.pool.map { lb.pools[$0].members.map(\.address) } ?? []
                let clients: [EntryPoint.Clients] = lb.isPublic ? [.internet] : fe.subnet.map { onPremClients(of: subnets[$0].vnet) } ?? []
                for c in clients {
                    result.append(
                        EntryPoint(
                            kind: .loadBalancerRule(lb: l, rule: r), clients: c, address: fe.address, port: rule.frontendPort,
                            protocolType: rule.protocolType == .udp ? .udp : .tcp, backends: backends,
                            name: "load balancer \(lb.name)/\(fe.name) rule \(rule.name)", location: rule.source.element))
                }
            }
        }
        for (f, fw) in firewalls.enumerated() {
            for (c, collection) in fw.natCollections.enumerated() {
                for (r, rule) in collection.rules.enumerated() {
                    // A DNAT to a load balancer frontend reaches each of its backends.
                    var backends = [rule.translatedAddress]
                    for lb in loadBalancers {
                        guard let fe = lb.frontends.firstIndex(where: { $0.address == rule.translatedAddress }) else { continue }
                        let members = lb.rules.filter { $0.frontend == fe }.flatMap { rule in
                            rule.target.map { [$0.address] } ?? rule.pool.map { lb.pools[$0].members.map(\.address) } ?? []
                        }
                        backends = Array(Set(members)).sorted()
                    }
                    for address in fw.publicAddresses where rule.destinations.contains(address) {
                        for port in rule.ports {
                            result.append(
                                EntryPoint(
                                    kind: .firewallDnat(firewall: f, collection: c, rule: r), clients: .internet, address: address,
                                    port: port.lower, protocolType: rule.protocols.first ?? .tcp, backends: backends,
                                    name: "firewall \(fw.name) DNAT rule \(rule.name) (\(address):\(port))", location: rule.source.element))
                        }
                    }
                }
            }
        }
        for (g, agw) in appGateways.enumerated() {
            for (l, listener) in agw.listeners.enumerated() {
                let fe = agw.frontends[listener.frontend]
                let clients: [EntryPoint.Clients] = fe.isPublic ? [.internet] : onPremClients(of: agw.vnet)
                for c in clients {
                    result.append(
                        EntryPoint(
                            kind: .appGatewayListener(gateway: g, listener: l), clients: c, address: fe.address, port: listener.port,
                            protocolType: .tcp, backends: agw.pools[listener.pool].members.map(\.address),
                            name: "application gateway \(agw.name) listener \(listener.name)", location: listener.source.element))
                }
            }
        }
        for (w, workload) in workloads.enumerated() {
            guard let pip = workload.publicIP else { continue }
            result.append(
                EntryPoint(
                    kind: .instancePublicIP(workload: w), clients: .internet, address: publicIPs[pip].prefix.network, port: 443,
                    protocolType: .tcp, backends: [workload.addresses[0]],
                    name: "instance public IP of \(workload.name)", location: workload.source["publicIPAddress"]))
        }
        for (i, flow) in flows.enumerated() {
            let clients: EntryPoint.Clients
            switch flow.from {
            case .internet: clients = .internet
            case .onPremises(let n, _): clients = .onPremises(n)
            default: clients = .fixed(flow.from)
            }
            result.append(
                EntryPoint(
                    kind: .flow(i), clients: clients, address: flow.to.address, port: flow.port, protocolType: flow.protocolType,
                    backends: [], name: "flow \(flow.name)", location: flow.source.element))
        }
        return result
    }

    /// The Internet client universe: every address outside private and reserved ranges, the design's VNets and
    /// on-premises networks, and the design's own public addresses.
    public var internetClients: AddressSpace {
        var excluded = AddressSpace(ClientUniverse.nonInternet)
        for vnet in vnets { for p in vnet.addressSpace { excluded.insert(UInt64(p.first.value)...UInt64(p.last.value)) } }
        for n in onPremises { for p in n.addressPrefixes { excluded.insert(UInt64(p.first.value)...UInt64(p.last.value)) } }
        for address in addresses.publicAddresses { excluded.insert(UInt64(address.value)...UInt64(address.value)) }
        return AddressSpace.all.subtracting(excluded)
    }
}

/// Address ranges that are never Internet clients.
public enum ClientUniverse {
    /// RFC 1918, RFC 6598, "this network", loopback, link-local, multicast and reserved.
    public static let nonInternet: [IPv4Prefix] = [
        "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.168.0.0/16",
        "224.0.0.0/3",
    ].compactMap(IPv4Prefix.init)
}
