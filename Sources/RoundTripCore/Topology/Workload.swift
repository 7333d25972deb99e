/// A workload with addresses in a subnet.
public struct Workload: Sendable {
    /// The workload's name.
    public var name: String
    /// What the workload is: VM, AKS node pool, pod, NVA or private endpoint.
    public var kind: WorkloadKind
    /// The subnet its addresses belong to, an index into the topology's subnets.
    public var subnet: Int
    /// Its private addresses.
    public var addresses: [IPv4Address]
    /// The instance-level public IP, an index into the topology's public IPs.
    public var publicIP: Int?
    /// Whether the NIC may forward packets not addressed to it.
    public var enableIPForwarding: Bool
    /// Whether it keeps sessions, dropping a reply whose request it never saw (NVAs).
    public var stateful: Bool
    /// Whether it rewrites the source of forwarded traffic to its own address (NVAs).
    public var snat: Bool
    /// Node pool hosting this pod.
    public var hostedOn: Int?
    /// Cluster this node pool or pod belongs to.
    public var cluster: Int?
    /// Whether the pod lives in a kubenet pod CIDR (outside the VNet).
    public var onKubenet: Bool
    /// The network security group on the NIC.
    public var networkSecurityGroup: Int? = nil
    /// The application security groups the NIC joins.
    public var applicationSecurityGroups: [Int] = []
    /// For a private endpoint: the FQDN flows may name it by.
    public var fqdn: String? = nil
    /// For a private endpoint: the private-link resource it maps.
    public var privateLinkResource: String? = nil
    /// The Bastion host this workload stands for (its instance addresses), when it is one.
    public var bastion: Int? = nil
    /// Where the element and each of its fields were written in the design file.
    public var source: SourceMap
}
