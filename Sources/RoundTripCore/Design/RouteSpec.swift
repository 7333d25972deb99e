/// A route's next-hop type (API names).
public enum NextHopType: String, Sendable, CaseIterable, Hashable {
    case virtualAppliance = "VirtualAppliance"
    case virtualNetworkGateway = "VirtualNetworkGateway"
    case vnetLocal = "VnetLocal"
    case internet = "Internet"
    case none = "None"
    /// System only: a route to a peered VNet.
    case vnetPeering = "VNetPeering"
}

/// `routeTables[].routes[]`.
public struct RouteSpec: Sendable {
    /// The destination of a route: a CIDR or a service tag.
    public enum Destination: Sendable, Hashable {
        case prefix(IPv4Prefix)
        case serviceTag(String)
    }
    /// `name` (docs/format.md).
    public var name: String
    /// `addressPrefix` (docs/format.md).
    public var addressPrefix: Destination
    /// `nextHopType` (docs/format.md).
    public var nextHopType: NextHopType
    /// `nextHopIpAddress` (docs/format.md).
    public var nextHopIpAddress: IPv4Address?
    /// `source` (docs/format.md).
    public var source: SourceMap
    /// Creates a value.
    public init(
        name: String, addressPrefix: Destination, nextHopType: NextHopType, nextHopIpAddress: IPv4Address?,
        source: SourceMap
    ) {
        self.name = name; self.addressPrefix = addressPrefix; self.nextHopType = nextHopType
        self.nextHopIpAddress = nextHopIpAddress; self.source = source
    }
}
