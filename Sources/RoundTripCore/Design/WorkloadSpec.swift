/// What a workload is (`workloads[].kind`).
public enum WorkloadKind: String, Sendable, CaseIterable {
    case vm, aksNodePool, pod, nva, privateEndpoint
}

/// A workload as written in the design: a VM, AKS node pool, pod, NVA or private endpoint (`workloads[]`).
public struct WorkloadSpec: Sendable {
    /// The workload's name.
    public var name: String
    /// What the workload is: VM, AKS node pool, pod, NVA or private endpoint.
    public var kind: WorkloadKind
    /// The subnet (`VNET/SUBNET`) its addresses belong to; empty for a pod given only `hostedOn`.
    public var subnet: String
    /// Its private addresses, inside the subnet (kubenet pods use the cluster's pod CIDR).
    public var ipAddresses: [IPv4Address]
    /// The instance-level public IP, by name.
    public var publicIPAddress: String?
    /// Whether the NIC may forward packets not addressed to it; nil when not written.
    public var enableIPForwarding: Bool?
    /// NVA only: whether it keeps sessions, dropping a reply whose request it never saw.
    public var stateful = true
    /// NVA only: whether it rewrites the source of forwarded traffic to its own address.
    public var snat = false
    /// Pod only: the `aksNodePool` workload whose nodes carry the pod (needed on kubenet).
    public var hostedOn: String?
    /// The network security group on the NIC, by name.
    public var networkSecurityGroup: String?
    /// The application security groups the NIC joins, by name.
    public var applicationSecurityGroups: [String] = []
    /// For a private endpoint: the private-link resource it maps (free text, e.g. `Microsoft.KeyVault/vaults/kv-app`).
    public var privateLinkResource: String?
    /// For a private endpoint: the FQDN flows may name it by (e.g. `kv-app.vault.azure.net`).
    public var fqdn: String?
    /// Where the element and each of its fields were written in the design file.
    public var source: SourceMap
    /// Creates a value.
    public init(name: String, kind: WorkloadKind, subnet: String, ipAddresses: [IPv4Address], source: SourceMap) {
        self.name = name; self.kind = kind; self.subnet = subnet; self.ipAddresses = ipAddresses; self.source = source
    }
}
