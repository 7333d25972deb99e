/// A user-defined route.
public struct UserRoute: Sendable {
    /// Route name.
    public var name: String
    /// The service tag it names, if any.
    public var serviceTag: String?
    /// The prefixes it covers (one for a CIDR, several for a service tag).
    public var prefixes: [IPv4Prefix]
    /// Next-hop type.
    public var nextHopType: NextHopType
    /// Next-hop IP (VirtualAppliance).
    public var nextHopIP: IPv4Address?
    /// Position in the input.
    public var source: SourceMap
    /// The written destination (`0.0.0.0/0` or `AzureCloud.westeurope`).
    public var destinationText: String { serviceTag ?? prefixes.first?.description ?? "" }
}
