/// `workloads[].kind`.
public enum WorkloadKind: String, Sendable, CaseIterable {
    case vm, aksNodePool, pod, nva, privateEndpoint
}

/// `workloads[]`.
public struct WorkloadSpec: Sendable {
    /// `name` (docs/format.md).
    public var name: String
    /// `kind` (docs/format.md).
    public var kind: WorkloadKind
    /// `subnet` (docs/format.md).
    public var subnet: String
    /// `ipAddresses` (docs/format.md).
    public var ipAddresses: [IPv4Address]
    /// `publicIPAddress` (docs/format.md).
    public var publicIPAddress: String?
    /// `enableIPForwarding` (docs/format.md).
    public var enableIPForwarding: Bool?
    /// `stateful` (docs/format.md).
    public var stateful = true
    /// `snat` (docs/format.md).
    public var snat = false
    /// `hostedOn` (docs/format.md).
    public var hostedOn: String?
    /// `source` (docs/format.md).
    public var source: SourceMap
    /// Creates a value.
    public init(name: String, kind: WorkloadKind, subnet: String, ipAddresses: [IPv4Address], source: SourceMap) {
        self.name = name; self.kind = kind; self.subnet = subnet; self.ipAddresses = ipAddresses; self.source = source
    }
}
