/// A workload with addresses in a subnet.
public struct Workload: Sendable {
    /// `name`.
    public var name: String
    /// `kind`.
    public var kind: WorkloadKind
    /// `subnet`.
    public var subnet: Int
    /// `addresses`.
    public var addresses: [IPv4Address]
    /// `publicIP`.
    public var publicIP: Int?
    /// `enableIPForwarding`.
    public var enableIPForwarding: Bool
    /// `stateful`.
    public var stateful: Bool
    /// `snat`.
    public var snat: Bool
    /// Node pool hosting this pod.
    public var hostedOn: Int?
    /// Cluster this node pool or pod belongs to.
    public var cluster: Int?
    /// Whether the pod lives in a kubenet pod CIDR (outside the VNet).
    public var onKubenet: Bool
    /// `source`.
    public var source: SourceMap
}
