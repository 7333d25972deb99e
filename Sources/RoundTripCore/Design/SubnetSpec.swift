/// `virtualNetworks[].subnets[]`.
public struct SubnetSpec: Sendable {
    /// `name` (docs/format.md).
    public var name: String
    /// `addressPrefix` (docs/format.md).
    public var addressPrefix: IPv4Prefix
    /// `routeTable` (docs/format.md).
    public var routeTable: String?
    /// `natGateway` (docs/format.md).
    public var natGateway: String?
    /// `defaultOutboundAccess` (docs/format.md).
    public var defaultOutboundAccess = true
    /// `source` (docs/format.md).
    public var source: SourceMap
    /// Creates a value.
    public init(name: String, addressPrefix: IPv4Prefix, source: SourceMap) {
        self.name = name; self.addressPrefix = addressPrefix; self.source = source
    }
}
