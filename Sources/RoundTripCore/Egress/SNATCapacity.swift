/// SNAT port figures for one outbound path (L13–L16, N3, F16, K4).
public struct SNATCapacity: Sendable, Hashable {
    /// Where the ports come from.
    public enum Source: String, Sendable, Hashable {
        case loadBalancerDefault = "load balancer (default allocation)"
        case loadBalancerManual = "load balancer (allocatedOutboundPorts)"
        case natGateway = "NAT gateway"
        case firewall = "Azure Firewall"
        case instancePublicIP = "instance public IP"
        case defaultOutbound = "default outbound access"
    }
    /// Source of the ports.
    public var source: Source
    /// Instances sharing the ports (backend pool size, firewall instances).
    public var instances: Int
    /// Public IPs providing ports.
    public var publicIPs: Int
    /// Ports pre-allocated to each instance (load balancer), nil when ports are shared on demand.
    public var portsPerInstance: Int?
    /// Ports in all.
    public var totalPorts: Int
    /// Concurrent connections one instance can hold to one destination IP and port (one SNAT port each, L16).
    public var maxConnectionsPerDestination: Int
    /// Whether `maxConnectionsPerDestination` is per instance (pre-allocated) or shared by all instances.
    public var perInstance: Bool
    /// The instance count at which allocation changes: ports per instance drop a bracket, or allocation fails.
    public var nextLimit: (instances: Int, description: String)?
    /// Whether allocation already fails at this size.
    public var allocationFails: Bool

    /// Equal when source, instances, public IPs, ports, connection limit, allocation failure and the next limit's instance
    /// count all match.
    public static func == (a: SNATCapacity, b: SNATCapacity) -> Bool {
        a.source == b.source && a.instances == b.instances && a.publicIPs == b.publicIPs && a.portsPerInstance == b.portsPerInstance
            && a.totalPorts == b.totalPorts && a.maxConnectionsPerDestination == b.maxConnectionsPerDestination
            && a.nextLimit?.instances == b.nextLimit?.instances && a.allocationFails == b.allocationFails
    }
    /// Hashes the source, instance count and total ports, a subset of what `==` compares.
    public func hash(into h: inout Hasher) {
        h.combine(source)
        h.combine(instances)
        h.combine(totalPorts)
    }

    /// SNAT-eligible ports per load balancer frontend IP (L13).
    public static let portsPerLoadBalancerIP = 64_000
    /// Ports per NAT gateway public IP (N3).
    public static let portsPerNatGatewayIP = 64_512
    /// Concurrent connections per NAT gateway IP to one destination (N3).
    public static let natGatewayConnectionsPerDestination = 50_000
    /// Ports per firewall public IP per instance (F16).
    public static let portsPerFirewallIPPerInstance = 2_496

    /// The load balancer's default pre-allocation table (L14): (largest pool size, ports per instance).
    public static let defaultTable: [(upTo: Int, ports: Int)] = [
        (50, 1024), (100, 512), (200, 256), (400, 128), (800, 64), (1000, 32),
    ]

    /// Load balancer outbound SNAT for `instances` backends on `ips` frontend IPs (L13–L15).
    public static func loadBalancer(instances: Int, ips: Int, allocatedPorts: Int) -> SNATCapacity {
        let ips = max(ips, 1)
        let total = portsPerLoadBalancerIP * ips
        if allocatedPorts > 0 {
            let maxInstances = total / allocatedPorts
            return SNATCapacity(
                source: .loadBalancerManual, instances: instances, publicIPs: ips, portsPerInstance: allocatedPorts, totalPorts: total,
                maxConnectionsPerDestination: allocatedPorts, perInstance: true,
                nextLimit: (maxInstances + 1, "allocation fails above \(maxInstances) instances (\(ips) × 64,000 / \(allocatedPorts))"),
                allocationFails: instances > maxInstances)
        }
        guard let bracket = defaultTable.firstIndex(where: { instances <= $0.upTo }) else {
            return SNATCapacity(
                source: .loadBalancerDefault, instances: instances, publicIPs: ips, portsPerInstance: 0, totalPorts: total,
                maxConnectionsPerDestination: 0, perInstance: true, nextLimit: nil, allocationFails: true)
        }
        let ports = defaultTable[bracket].ports
        let next: (Int, String)
        if bracket + 1 < defaultTable.count {
            next = (
                defaultTable[bracket].upTo + 1,
                "drops to \(defaultTable[bracket + 1].ports) ports per instance at \(defaultTable[bracket].upTo + 1) instances"
            )
        } else {
            next = (defaultTable[bracket].upTo + 1, "default allocation fails above \(defaultTable[bracket].upTo) instances")
        }
        return SNATCapacity(
            source: .loadBalancerDefault, instances: instances, publicIPs: ips, portsPerInstance: ports, totalPorts: total,
            maxConnectionsPerDestination: ports, perInstance: true, nextLimit: next, allocationFails: false)
    }

    /// NAT gateway SNAT: ports on demand, shared by every instance of the attached subnets (N3).
    public static func natGateway(instances: Int, ips: Int) -> SNATCapacity {
        SNATCapacity(
            source: .natGateway, instances: instances, publicIPs: ips, portsPerInstance: nil, totalPorts: portsPerNatGatewayIP * ips,
            maxConnectionsPerDestination: natGatewayConnectionsPerDestination * ips, perInstance: false, nextLimit: nil,
            allocationFails: false)
    }

    /// Azure Firewall SNAT: 2,496 ports per public IP per instance (F16, K4).
    public static func firewall(instances: Int, ips: Int) -> SNATCapacity {
        let total = portsPerFirewallIPPerInstance * max(ips, 1) * instances
        return SNATCapacity(
            source: .firewall, instances: instances, publicIPs: ips, portsPerInstance: nil, totalPorts: total,
            maxConnectionsPerDestination: total, perInstance: false, nextLimit: nil, allocationFails: false)
    }

    /// An instance public IP: 1:1 NAT, every port (L12).
    public static func instancePublicIP() -> SNATCapacity {
        SNATCapacity(
            source: .instancePublicIP, instances: 1, publicIPs: 1, portsPerInstance: 65_535, totalPorts: 65_535,
            maxConnectionsPerDestination: 65_535, perInstance: true, nextLimit: nil, allocationFails: false)
    }
}
